/**
 * Before any write: what the console session may do. The role's privileges come from `GET /login?expand=privileges`
 * (assumptions.ts); a write the role cannot make is refused here, naming every missing privilege, so that nothing
 * is written rather than half of it.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import {LOGIN_PRIVILEGES_QUERY, PRIVILEGES} from './assumptions.ts';
import type {AbiquoHttp} from './http.ts';
import {apiUrl} from './links.ts';
import {describePrivileges} from './privilege-names.ts';

/** The session's privilege names; undefined when the API did not list them (the writes' own 403s then tell). */
export async function readHeldPrivileges(http: AbiquoHttp, signal: AbortSignal): Promise<AbiquoResult<ReadonlySet<string> | undefined>> {
  const answer = await http.get(apiUrl(http.apiBase, `login?${LOGIN_PRIVILEGES_QUERY}`), 'user', {needs: PRIVILEGES.login}, signal);
  if (!answer.ok) return answer;
  const collection = (answer.value as {privileges?: {collection?: unknown}} | null)?.privileges?.collection;
  if (!Array.isArray(collection)) return ok(undefined);
  return ok(new Set(collection.flatMap((entry) => (typeof (entry as {name?: unknown} | null)?.name === 'string' ? [(entry as {name: string}).name] : []))));
}

/** ABIQUO_PRIVILEGES_MISSING (facts.privileges) unless the session holds every privilege in `needs`. */
export async function requirePrivileges(http: AbiquoHttp, needs: readonly string[], signal: AbortSignal): Promise<AbiquoResult<void>> {
  const held = await readHeldPrivileges(http, signal);
  if (!held.ok) return held;
  const missing = held.value ? needs.filter((name) => !held.value!.has(name)) : [];
  return missing.length === 0 ? ok(undefined) : err('ABIQUO_PRIVILEGES_MISSING', {privileges: describePrivileges(missing), count: new Set(missing).size});
}
