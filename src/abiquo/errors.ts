/**
 * The ONE place where a failed Abiquo call becomes an `AbiquoCode`. Facts carry the HTTP status, the API's own
 * error code and message (redacted: a server may quote what it was sent) and, for a 403, the privilege the
 * operation needs. Request bodies are never looked at: they may hold a secret.
 */
import {HTTPError, TimeoutError} from 'ky';
import {err} from '../shared/result.ts';
import {redact} from '../shared/mask.ts';
import {CrossOriginRedirect} from './no-prompt-fetch.ts';
import {describePrivileges} from './privilege-names.ts';
import type {AbiquoCode, AbiquoResult} from './codes.ts';

export interface ApiError {
  readonly code: string;
  readonly message: string;
}

/** Per-operation knowledge the error alone does not carry. */
export interface ErrorContext {
  /** API names of the privileges it needs (assumptions.ts), named to the operator on a 403. */
  readonly needs: readonly string[];
  readonly timeoutMs: number;
}

type Facts = Record<string, string | number>;

/** Abiquo business codes that deserve their own message, whatever the status they come with. */
const byApiCode: Readonly<Record<string, AbiquoCode>> = {
  'PUBLIC-3': 'ABIQUO_PROVIDER_HAS_CREDENTIALS',
  'PUBLIC-14': 'ABIQUO_CREDENTIALS_IN_USE',
  'PRICING-CREDS-2': 'ABIQUO_CREDENTIALS_IN_USE',
};

const MAX_MESSAGE = 300;

/** `{"collection":[{code,message}]}`; anything else (an HTML 401 page, an empty body) yields nothing. */
export function parseApiError(text: string): ApiError | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const first = (body as {collection?: unknown} | null)?.collection;
  const entry = Array.isArray(first) ? (first[0] as Record<string, unknown> | undefined) : undefined;
  if (typeof entry?.code !== 'string') return undefined;
  const message = typeof entry.message === 'string' ? redact(entry.message).slice(0, MAX_MESSAGE) : '';
  return {code: entry.code, message};
}

export function codeForStatus(status: number, apiCode: string | undefined): AbiquoCode {
  const known = apiCode ? byApiCode[apiCode] : undefined;
  if (known) return known;
  if (status === 401) return 'ABIQUO_SESSION_EXPIRED';
  if (status === 403) return 'ABIQUO_FORBIDDEN';
  if (status === 404) return 'ABIQUO_NOT_FOUND';
  if (status === 406 || status === 415) return 'ABIQUO_MEDIA_TYPE';
  // A stale write is a conflict; other 409s are business rules (duplicate name…) whose API message says what to fix.
  if (status === 409) return apiCode === undefined || apiCode.startsWith('409-CONFLICT') ? 'ABIQUO_CONFLICT' : 'ABIQUO_INVALID';
  if (status >= 500) return 'ABIQUO_SERVER';
  if (status >= 400) return 'ABIQUO_INVALID';
  return 'ABIQUO_UNEXPECTED_RESPONSE';
}

async function bodyText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

/**
 * Maps what ky threw. An abort asked for by the caller is not a failure to show: it is re-thrown so the task
 * that was cancelled ends as cancelled.
 */
export async function toAbiquoError(error: unknown, context: ErrorContext, signal?: AbortSignal): Promise<AbiquoResult<never>> {
  if (signal?.aborted) throw signal.reason ?? error;
  if (error instanceof TimeoutError) return err('ABIQUO_TIMEOUT', {seconds: Math.ceil(context.timeoutMs / 1000)});
  if (error instanceof CrossOriginRedirect) return err('ABIQUO_READ_REDIRECTED', {to: error.to});
  if (error instanceof HTTPError) {
    const {status} = error.response;
    // A write sent with `redirect: 'manual'`: the browser sent nothing further, and hides where the redirect pointed.
    if (error.response.type === 'opaqueredirect' || (status >= 300 && status < 400)) return err('ABIQUO_REDIRECTED');
    const api = parseApiError(await bodyText(error.response));
    // Messages may name the API's code and message: both are always present (an HTML 401 page has neither).
    const facts: Facts = {status, apiCode: api?.code ?? `HTTP ${status}`, apiMessage: api?.message ?? ''};
    const code = codeForStatus(status, api?.code);
    if (code === 'ABIQUO_FORBIDDEN') facts.privilege = describePrivileges(context.needs);
    return err(code, facts);
  }
  // fetch rejects with a TypeError when the network, DNS, TLS or CORS fails.
  if (error instanceof TypeError) return err('ABIQUO_NETWORK', {reason: redact(error.message).slice(0, MAX_MESSAGE)});
  throw error;
}
