/**
 * The service worker's side of the `aws/verify` port: `{type:'start', input}` in; `{type:'check'}` per check,
 * then `{type:'verdict'}` (or `{type:'error', code}`) out. A new start or a disconnect aborts the running one.
 * The secret arrives in the message, lives in this call only, and is never stored or echoed.
 */
import type {AwsEndpoints} from '../aws/aws-clients.ts';
import type {Verdict} from '../aws/types.ts';
import {verifySetup} from '../aws/verify-setup.ts';
import {isVerifyPortRequest, verifyPortName, type VerifyPortResponse} from '../messaging/protocol.ts';
import {logger} from '../shared/log.ts';

/** The subset of `chrome.runtime.Port` used here, so tests can pass a fake. */
export interface PortLike {
  readonly name: string;
  postMessage(message: VerifyPortResponse): void;
  readonly onMessage: {addListener(listener: (message: unknown) => void): void};
  readonly onDisconnect: {addListener(listener: () => void): void};
}

export interface VerifyPortDeps {
  readonly endpoints?: AwsEndpoints;
  readonly timeoutMs?: number;
  /**
   * Whether the browser still lets the extension reach AWS: Firefox lets the operator turn the AWS host
   * permission off in about:addons, and Chrome can withhold site access. Without it every request would fail
   * as an obscure network error.
   */
  readonly awsAllowed?: () => Promise<boolean>;
}

const accessRevoked: Verdict = {checks: [{code: 'AWS_ACCESS_REVOKED', status: 'fail', facts: {}}], reports: [], requests: 0};

const log = logger('aws-verify');

/** Returns false (and does nothing) for ports with another name. */
export function handleVerifyPort(port: PortLike, deps: VerifyPortDeps = {}): boolean {
  if (port.name !== verifyPortName) return false;
  let current: AbortController | undefined;
  let connected = true;
  const post = (message: VerifyPortResponse) => {
    if (connected) port.postMessage(message);
  };
  port.onDisconnect.addListener(() => {
    connected = false;
    current?.abort();
  });
  port.onMessage.addListener((message) => {
    if (!isVerifyPortRequest(message)) return post({type: 'error', code: 'INVALID_MESSAGE'});
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const {signal} = controller;
    const allowed = deps.awsAllowed?.() ?? Promise.resolve(true);
    allowed
      .then(async (yes) =>
        yes
          ? verifySetup(message.input, {
              signal,
              ...(deps.endpoints ? {endpoints: deps.endpoints} : {}),
              ...(deps.timeoutMs ? {timeoutMs: deps.timeoutMs} : {}),
              onCheck: (check) => !signal.aborted && post({type: 'check', check}),
            })
          : accessRevoked,
      )
      .then(
        (verdict) => !signal.aborted && post({type: 'verdict', verdict}),
        (error: unknown) => {
          log.error('verification failed', error);
          if (!signal.aborted) post({type: 'error', code: 'INTERNAL'});
        },
      );
  });
  return true;
}
