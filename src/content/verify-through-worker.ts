import type {Check, SetupInput, Verdict} from '../aws/types.ts';
import type {VerifyFn} from '../components/services.ts';
import {sendRequest} from '../messaging/client.ts';
import {verifyPortName, type VerifyPortRequest, type VerifyPortResponse} from '../messaging/protocol.ts';

/** A verdict standing for a failure of the extension itself (worker gone or broken), shown like any check. */
const failedVerdict = (check: Check): Verdict => ({checks: [check], reports: [], requests: 0});
const reloaded: Check = {code: 'EXTENSION_RELOADED', status: 'fail', facts: {}};

/**
 * How often a verification starts again after its port closed while this content script is still alive: the
 * background stopped mid-check (Chrome's idle worker, Firefox's suspended event page), not an extension reload.
 */
const RESTARTS = 2;

/**
 * Wakes the background and waits until it answers: a port opened while the old one is still shutting down
 * would close at once. False when this copy of the content script was orphaned (the extension was reloaded).
 */
async function backgroundAnswers(): Promise<boolean> {
  if (!globalThis.chrome?.runtime?.id) return false;
  return (await sendRequest('worker/ping', {})).ok;
}

/**
 * Runs one verification in the service worker over a port: checks stream back one by one; aborting the
 * signal disconnects the port, which aborts the worker's requests. The keys travel only in this message.
 * A port closed by a background restart runs the verification again; checks already shown are not repeated.
 */
export const verifyThroughWorker: VerifyFn = (input: SetupInput, onCheck, signal) =>
  new Promise<Verdict>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const shown = new Set<string>();
    let settled = false;
    let port: chrome.runtime.Port | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      port?.disconnect();
    };
    signal.addEventListener('abort', () => settle(() => reject(signal.reason)), {once: true});
    const start = (restartsLeft: number) => {
      port = chrome.runtime.connect({name: verifyPortName});
      port.onMessage.addListener((message: VerifyPortResponse) => {
        if (message.type === 'check') {
          const key = JSON.stringify(message.check);
          if (!shown.has(key)) onCheck(message.check);
          shown.add(key);
        } else if (message.type === 'verdict') settle(() => resolve(message.verdict));
        else settle(() => resolve(failedVerdict({code: 'EXTENSION_INTERNAL', status: 'fail', facts: {detail: message.code}})));
      });
      port.onDisconnect.addListener(() => {
        if (settled) return;
        void (restartsLeft > 0 ? backgroundAnswers() : Promise.resolve(false)).then((alive) => {
          if (settled) return;
          if (alive) return start(restartsLeft - 1);
          // Closed without a word and no background to answer: the extension was reloaded (or updated) under this page.
          settle(() => resolve(failedVerdict(reloaded)));
        });
      });
      const request: VerifyPortRequest = {type: 'start', input};
      port.postMessage(request);
    };
    start(RESTARTS);
  });
