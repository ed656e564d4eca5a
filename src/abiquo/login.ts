/**
 * `GET /login` with the console's session: proves the session is alive, and gives the user's `locale` (the UI
 * follows the console user's language) and the link to the user's own enterprise.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import {PRIVILEGES} from './assumptions.ts';
import type {AbiquoHttp} from './http.ts';
import {apiUrl, findLink, idFromHref} from './links.ts';

export interface LoginInfo {
  readonly nick: string;
  /** e.g. `es_ES`; absent when the API gives none. */
  readonly locale?: string;
  readonly enterpriseHref?: string;
  readonly enterpriseId?: number;
}

export async function readLogin(http: AbiquoHttp, signal: AbortSignal): Promise<AbiquoResult<LoginInfo>> {
  const answer = await http.get(apiUrl(http.apiBase, 'login'), 'user', {needs: PRIVILEGES.login}, signal);
  if (!answer.ok) return answer;
  const user = answer.value as {nick?: unknown; locale?: unknown} | null;
  if (typeof user?.nick !== 'string') return err('ABIQUO_UNEXPECTED_RESPONSE', {expected: 'user'});
  const enterprise = findLink(user, 'enterprise')?.href;
  const enterpriseId = enterprise === undefined ? undefined : idFromHref(enterprise);
  return ok({
    nick: user.nick,
    ...(typeof user.locale === 'string' && user.locale !== '' ? {locale: user.locale} : {}),
    ...(enterprise === undefined ? {} : {enterpriseHref: enterprise}),
    ...(enterpriseId === undefined ? {} : {enterpriseId}),
  });
}
