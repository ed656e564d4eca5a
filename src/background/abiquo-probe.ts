/**
 * Whether a site the operator is enabling answers like an Abiquo API, asked once the host permission is granted
 * (the popup offers "Enable" on any https page). `GET <api>/version` is the API's plain-text version
 * (`abiquo/api-ruby`); without credentials it may instead be refused with Abiquo's own Basic challenge
 * (`WWW-Authenticate: Basic realm="Abiquo"`). Either answer, or any vendor `application/vnd.abiquo.*` body, is an
 * Abiquo API. No credentials are sent, so no browser login prompt can appear, and a redirect is not followed.
 */
import {discoverApiBase} from '../abiquo/api-base.ts';
import {err, ok, type Result} from '../shared/result.ts';

const PROBE_TIMEOUT_MS = 10_000;
const VERSION_TEXT = /^\s*\d+\.\d+(?:\.\d+)?[\w.-]*\s*$/;
const ABIQUO_CHALLENGE = /^\s*basic\s+realm="?abiquo"?/i;

/** `NOT_ABIQUO` says what the site answered instead (`HTTP 404 text/html`; `HTTP 3xx` for a redirect). */
export async function probeAbiquoApi(origin: string, fetchImpl: typeof fetch): Promise<Result<void, 'NOT_ABIQUO' | 'CONSOLE_UNREACHABLE'>> {
  const base = await discoverApiBase(origin, fetchImpl);
  const url = `${base.ok ? base.value : `${origin}/api`}/version`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: {Accept: 'text/plain'},
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch {
    return err('CONSOLE_UNREACHABLE', {origin, url});
  }
  const type = response.headers.get('content-type') ?? '';
  if (/application\/vnd\.abiquo\./i.test(type)) return ok(undefined);
  if (response.status === 401 && ABIQUO_CHALLENGE.test(response.headers.get('www-authenticate') ?? '')) return ok(undefined);
  if (response.status === 200 && /^text\/plain/i.test(type) && VERSION_TEXT.test(await response.text().catch(() => ''))) return ok(undefined);
  const answer = response.type === 'opaqueredirect' ? 'HTTP 3xx' : `HTTP ${response.status}${type ? ` ${type.split(';')[0]}` : ''}`;
  return err('NOT_ABIQUO', {origin, url, answer});
}
