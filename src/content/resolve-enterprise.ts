/**
 * Which enterprise the open dialog edits: the console's own GET seen by the worker in this tab, confirmed by
 * the name typed in the dialog; else the name alone, resolved through the API (`?has=` and an exact match);
 * else the operator picks among the keynodes (`listKeynodes`).
 */
import {collectionOf} from '../abiquo/collection.ts';
import {enterpriseHref, readEnterprise, summarise} from '../abiquo/enterprise.ts';
import type {AbiquoHttp} from '../abiquo/http.ts';
import type {EnterpriseSummary} from '../components/services.ts';
import {apiUrl} from '../abiquo/links.ts';
import {PRIVILEGES} from '../abiquo/assumptions.ts';
import {sendRequest} from '../messaging/client.ts';

export async function resolveEnterpriseId(http: AbiquoHttp, dialogName: string | undefined, signal: AbortSignal): Promise<number | undefined> {
  const seen = await sendRequest('console/current-enterprise', {});
  const seenId = seen.ok ? seen.value.enterpriseId : undefined;
  if (seenId !== undefined) {
    if (dialogName === undefined) return seenId;
    const read = await readEnterprise(http, enterpriseHref(http.apiBase, seenId), signal);
    if (read.ok && summarise(read.value).name === dialogName) return seenId;
  }
  if (dialogName === undefined) return undefined;
  const exact = (await listEnterprises(http, `?has=${encodeURIComponent(dialogName)}&limit=0`, signal)).filter((e) => e.name === dialogName);
  return exact.length === 1 ? exact[0]!.id : undefined;
}

/** The keynode enterprises the operator can see: what the picker offers when nothing else told. */
export async function listKeynodes(http: AbiquoHttp, signal: AbortSignal): Promise<EnterpriseSummary[]> {
  return (await listEnterprises(http, '?limit=0', signal)).filter((e) => e.keyNode);
}

async function listEnterprises(http: AbiquoHttp, query: string, signal: AbortSignal): Promise<EnterpriseSummary[]> {
  const found = await http.get(`${apiUrl(http.apiBase, 'admin/enterprises')}${query}`, 'enterprises', {needs: PRIVILEGES.readEnterprise}, signal);
  const items = found.ok ? collectionOf(found.value) : undefined;
  return items?.ok ? items.value.map((e) => summarise(e as Record<string, unknown>)) : [];
}
