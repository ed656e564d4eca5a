/**
 * The keynode's default scope: a billing-only keynode's scope should hold no compute resources, i.e. no
 * DATACENTER entities (public cloud regions are DATACENTER entities too).
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import type {ScopeSummary} from './types.ts';
import {DEFAULT_SCOPE_REL, PRIVILEGES} from './assumptions.ts';
import type {AbiquoHttp} from './http.ts';
import {findLink, idFromHref, linksOf} from './links.ts';
import type {Link} from './links.ts';
import {isMediaType, mediaType} from './media-types.ts';

export interface Scope extends ScopeSummary {
  /** The link to set on an enterprise whose default scope this is. */
  readonly link: Link;
}

/** By the assumed rel, else by media type (see assumptions.ts). */
export function defaultScopeLink(enterprise: unknown): Link | undefined {
  const byRel = findLink(enterprise, DEFAULT_SCOPE_REL);
  if (byRel && (byRel.type === undefined || isMediaType(byRel.type, 'scope'))) return byRel;
  return linksOf(enterprise).find((l) => isMediaType(l.type, 'scope'));
}

export function countComputeResources(scope: unknown): number {
  const entities = (scope as {scopeEntities?: unknown} | null)?.scopeEntities;
  return Array.isArray(entities) ? entities.filter((e) => (e as {type?: unknown} | null)?.type === 'DATACENTER').length : 0;
}

export async function readScope(http: AbiquoHttp, link: Link, signal: AbortSignal): Promise<AbiquoResult<Scope>> {
  const answer = await http.get(link.href, 'scope', {needs: PRIVILEGES.scopes}, signal);
  if (!answer.ok) return answer;
  const dto = answer.value as {id?: unknown; name?: unknown} | null;
  const id = typeof dto?.id === 'number' ? dto.id : idFromHref(link.href);
  if (id === undefined) return err('ABIQUO_UNEXPECTED_RESPONSE', {expected: 'scope'});
  return ok({
    id,
    name: typeof dto?.name === 'string' ? dto.name : '',
    computeResources: countComputeResources(dto),
    link: {rel: DEFAULT_SCOPE_REL, href: link.href, type: mediaType('scope')},
  });
}
