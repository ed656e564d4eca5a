/**
 * The `fetch` the Abiquo reads go through: one that never lets the browser ask the operator for a password.
 *
 * Abiquo answers an expired session with `401` and `WWW-Authenticate: Basic realm="Abiquo"`. A credentialed
 * `fetch` meeting that challenge is held for the browser's own login prompt, in Chromium and Firefox, from the page
 * or the background alike (measured; docs/console-compatibility.md #26). An `XMLHttpRequest` opened with a user
 * and password answers the challenge with those instead of prompting and, refused, hands the 401 to the caller;
 * they are sent only after a challenge, so a live session is seen by its cookie alone. No fetch option does this
 * (`window: null` is ignored), and no library offers XHR with credentials, hence this adapter.
 */

/** A read that the server redirected to another origin: its answer is not the console's and is not used. */
export class CrossOriginRedirect extends Error {
  constructor(readonly to: string) {
    super(`redirected to ${to}`);
  }
}

/** Answered to a challenge once: no one's account, so a refusal locks nobody out. */
const NO_PROMPT_USER = 'billing-only-aws-no-prompt';

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Statuses a `Response` must be built without a body for. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A GET with the console's cookie, as ky calls `fetch` (one `Request`); rejects like fetch on a network error. */
export function noPromptFetch(input: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = input.signal;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(input.method, input.url, true, NO_PROMPT_USER, NO_PROMPT_USER);
    xhr.withCredentials = true;
    xhr.responseType = 'arraybuffer';
    input.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    // XHR has no cache mode: a fresh read (the one just before a write) asks every cache to go to the server.
    if (input.cache === 'no-store') xhr.setRequestHeader('Cache-Control', 'no-cache');
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, {once: true});
    const settle = () => signal.removeEventListener('abort', abort);
    xhr.onload = () => {
      settle();
      // XHR follows redirects by itself: an answer from elsewhere is refused here (writes never follow them).
      const answeredBy = xhr.responseURL ? new URL(xhr.responseURL).origin : new URL(input.url).origin;
      if (answeredBy !== new URL(input.url).origin) {
        reject(new CrossOriginRedirect(answeredBy));
        return;
      }
      const headers = parseHeaders(xhr.getAllResponseHeaders());
      resolve(new Response(NULL_BODY.has(xhr.status) ? null : (xhr.response as ArrayBuffer), {status: xhr.status, statusText: xhr.statusText, headers}));
    };
    xhr.onerror = () => (settle(), reject(new TypeError('Network request failed')));
    xhr.onabort = () => (settle(), reject(signal.reason ?? new DOMException('Aborted', 'AbortError')));
    xhr.send();
  });
}
