/** The enterprise resource: read one, summarise it, create a standard one, delete one. */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import type {EnterpriseSummary} from './types.ts';
import {NEW_ENTERPRISE_FLAGS, PRIVILEGES} from './assumptions.ts';
import type {AbiquoHttp} from './http.ts';
import {apiUrl, requireLink} from './links.ts';
import type {Link} from './links.ts';

/** An enterprise DTO as the API sent it (links and unknown fields included). */
export type EnterpriseDto = Readonly<Record<string, unknown>>;

/** The entry point the API gives no link to: the enterprise the console is editing, by id. */
export const enterpriseHref = (apiBase: string, id: number) => apiUrl(apiBase, `admin/enterprises/${id}`);

function asEnterprise(dto: unknown): AbiquoResult<EnterpriseDto> {
  const e = dto as Record<string, unknown> | null | undefined;
  if (typeof e !== 'object' || e === null || typeof e.id !== 'number' || typeof e.name !== 'string') {
    return err('ABIQUO_UNEXPECTED_RESPONSE', {expected: 'enterprise'});
  }
  return ok(e);
}

export function summarise(dto: EnterpriseDto): EnterpriseSummary {
  return {id: dto.id as number, name: dto.name as string, keyNode: dto.keyNode === true, reseller: dto.reseller === true};
}

export async function readEnterprise(http: AbiquoHttp, href: string, signal: AbortSignal): Promise<AbiquoResult<EnterpriseDto>> {
  const answer = await http.get(href, 'enterprise', {needs: PRIVILEGES.readEnterprise}, signal);
  return answer.ok ? asEnterprise(answer.value) : answer;
}

/** POSTs a standard enterprise (neither reseller nor key node) whose default scope is `scope`. */
export async function createStandardEnterprise(http: AbiquoHttp, name: string, scope: Link, signal: AbortSignal): Promise<AbiquoResult<EnterpriseDto>> {
  const body = {name, ...NEW_ENTERPRISE_FLAGS, links: [scope]};
  const answer = await http.send('POST', apiUrl(http.apiBase, 'admin/enterprises'), 'enterprise', body, {needs: PRIVILEGES.createEnterprise}, signal);
  return answer.ok ? asEnterprise(answer.value) : answer;
}

/** Deletes an enterprise through its `edit` link (to undo one this tab created). */
export async function deleteEnterprise(http: AbiquoHttp, enterprise: EnterpriseDto, signal: AbortSignal): Promise<AbiquoResult<void>> {
  const edit = requireLink(enterprise, 'edit');
  if (!edit.ok) return edit;
  const answer = await http.delete(edit.value.href, 'enterprise', {needs: PRIVILEGES.deleteEnterprise}, signal);
  return answer.ok ? ok(undefined) : answer;
}
