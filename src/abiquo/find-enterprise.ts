/**
 * Which enterprise a dialog edits, asked of the API when the console's own request did not say: whether an id has
 * the dialog's name, the id of the one enterprise with exactly that name, and the keynodes to pick from.
 */
import type {AbiquoHttp} from './http.ts';
import {PRIVILEGES} from './assumptions.ts';
import {collectionOf} from './collection.ts';
import {enterpriseHref, readEnterprise, summarise} from './enterprise.ts';
import {apiUrl} from './links.ts';
import type {EnterpriseSummary} from './types.ts';

export async function hasName(http: AbiquoHttp, id: number, name: string, signal: AbortSignal): Promise<boolean> {
  const read = await readEnterprise(http, enterpriseHref(http.apiBase, id), signal);
  return read.ok && summarise(read.value).name === name;
}

/** `?has=` matches parts of names: only a single whole-name match counts. */
export async function enterpriseIdNamed(http: AbiquoHttp, name: string, signal: AbortSignal): Promise<number | undefined> {
  const exact = (await listEnterprises(http, `?has=${encodeURIComponent(name)}&limit=0`, signal)).filter((e) => e.name === name);
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
