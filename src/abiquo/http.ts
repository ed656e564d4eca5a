/**
 * The ky instance every Abiquo call goes through. It runs in the content script on the console's own origin, so
 * `credentials: 'include'` rides the console's HttpOnly `auth` cookie: no password or token is ever handled.
 * Calls answer `AbiquoResult`s; errors are mapped in errors.ts only.
 */
import ky from 'ky';
import type {KyInstance} from 'ky';
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import {toAbiquoError} from './errors.ts';
import {mediaType} from './media-types.ts';
import type {MediaTypeName} from './media-types.ts';
import {resolveHref} from './links.ts';
import {CrossOriginRedirect, noPromptFetch} from './no-prompt-fetch.ts';

export interface HttpOptions {
  readonly apiBase: string;
  /** Injected by Node tests (which replay a session cookie); otherwise reads go through no-prompt-fetch.ts, writes through `fetch`. */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** What an operation tells the error mapping. */
export interface Operation {
  /** API names of the privileges it needs (assumptions.ts), named to the operator on a 403. */
  readonly needs: readonly string[];
}

export interface AbiquoHttp {
  readonly apiBase: string;
  get(url: string, type: MediaTypeName, op: Operation, signal: AbortSignal): Promise<AbiquoResult<unknown>>;
  /** POST or PUT a JSON body of the given type; resolves to the response DTO (undefined for an empty body). */
  send(method: 'POST' | 'PUT', url: string, type: MediaTypeName, body: unknown, op: Operation, signal: AbortSignal): Promise<AbiquoResult<unknown>>;
  /** DELETE what a link names (to undo a creation); resolves to undefined. */
  delete(url: string, type: MediaTypeName, op: Operation, signal: AbortSignal): Promise<AbiquoResult<unknown>>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export function createKy({fetch: fetchImpl, timeoutMs = DEFAULT_TIMEOUT_MS}: Omit<HttpOptions, 'apiBase'>): KyInstance {
  return ky.create({
    credentials: 'include',
    // The read just before a write must see the server's state, never a cached copy.
    cache: 'no-store',
    timeout: timeoutMs,
    // Only reads are retried: a POST or PUT that timed out may have been applied.
    // A read sent elsewhere is not retried: each try would go there again.
    retry: {limit: 2, methods: ['get'], statusCodes: [502, 503, 504], shouldRetry: ({error}) => (error instanceof CrossOriginRedirect ? false : undefined)},
    // Reads never let the browser prompt for a password on a 401 (no-prompt-fetch.ts).
    fetch: fetchImpl ?? ((input, init) => (input instanceof Request && input.method === 'GET' ? noPromptFetch(input) : fetch(input, init))),
  });
}

async function parseBody(response: Response): Promise<AbiquoResult<unknown>> {
  const text = await response.text();
  if (text.trim() === '') return ok(undefined);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    // e.g. a proxy's HTML login page answered with 200
    return err('ABIQUO_UNEXPECTED_RESPONSE', {status: response.status, contentType: response.headers.get('content-type') ?? ''});
  }
}

export function createHttp(options: HttpOptions): AbiquoHttp {
  const client = createKy(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const run = async (call: () => Promise<Response>, op: Operation, signal: AbortSignal) => {
    try {
      return await parseBody(await call());
    } catch (error) {
      return toAbiquoError(error, {...op, timeoutMs}, signal);
    }
  };
  const url = (href: string) => resolveHref(href, options.apiBase);
  const apiOrigin = new URL(options.apiBase).origin;
  // A link to another origin is never followed: the console's session (and, in a credentials body, a secret)
  // must reach the console's own API only.
  const elsewhere = (href: string): AbiquoResult<unknown> | undefined => {
    const origin = new URL(url(href)).origin;
    return origin === apiOrigin ? undefined : err('ABIQUO_API_CROSS_ORIGIN', {endpoint: origin, origin: apiOrigin});
  };
  return {
    apiBase: options.apiBase,
    get: async (href, type, op, signal) => elsewhere(href) ?? run(() => client.get(url(href), {headers: {Accept: mediaType(type)}, signal}), op, signal),
    send: async (method, href, type, body, op, signal) =>
      elsewhere(href) ??
      run(
        () =>
          client(url(href), {
            method,
            headers: {Accept: mediaType(type), 'Content-Type': mediaType(type)},
            body: JSON.stringify(body),
            // A redirected write would re-send its body (a secret, for credentials) wherever it points.
            redirect: 'manual',
            signal,
          }),
        op,
        signal,
      ),
    delete: async (href, type, op, signal) =>
      elsewhere(href) ?? run(() => client.delete(url(href), {headers: {Accept: mediaType(type)}, redirect: 'manual', signal}), op, signal),
  };
}
