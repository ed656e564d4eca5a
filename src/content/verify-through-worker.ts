import type {Check, SetupInput, Verdict} from '../aws/types.ts';
import type {VerifyFn} from '../components/services.ts';
import {verifyPortName, type VerifyPortRequest, type VerifyPortResponse} from '../messaging/protocol.ts';

/** A verdict standing for a failure of the extension itself (worker gone or broken), shown like any check. */
const failedVerdict = (check: Check): Verdict => ({checks: [check], reports: [], requests: 0});
const reloaded: Check = {code: 'EXTENSION_RELOADED', status: 'fail', facts: {}};

/**
 * Runs one verification in the service worker over a port: checks stream back one by one; aborting the
 * signal disconnects the port, which aborts the worker's requests. The keys travel only in this message.
 */
export const verifyThroughWorker: VerifyFn = (input: SetupInput, onCheck, signal) =>
  new Promise<Verdict>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const port = chrome.runtime.connect({name: verifyPortName});
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      port.disconnect();
    };
    signal.addEventListener('abort', () => settle(() => reject(signal.reason)), {once: true});
    port.onMessage.addListener((message: VerifyPortResponse) => {
      if (message.type === 'check') onCheck(message.check);
      else if (message.type === 'verdict') settle(() => resolve(message.verdict));
      else settle(() => resolve(failedVerdict({code: 'EXTENSION_INTERNAL', status: 'fail', facts: {detail: message.code}})));
    });
    // Closed without a word: the extension was reloaded (or updated) under this page.
    port.onDisconnect.addListener(() => settle(() => resolve(failedVerdict(reloaded))));
    const start: VerifyPortRequest = {type: 'start', input};
    port.postMessage(start);
  });
