/**
 * Abiquo collections: `{totalSize, links: [first, next, last…], collection: […]}`. Pages are followed through
 * their `next` link, as the Python client does, never by computing offsets.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import type {AbiquoHttp, Operation} from './http.ts';
import type {MediaTypeName} from './media-types.ts';
import {findLink} from './links.ts';

/** Enough for thousands of enterprises at the default page size; a loop in `next` links stops here. */
const MAX_PAGES = 200;

export function collectionOf(dto: unknown): AbiquoResult<unknown[]> {
  const items = typeof dto === 'object' && dto !== null ? (dto as {collection?: unknown}).collection : undefined;
  return Array.isArray(items) ? ok(items) : err('ABIQUO_UNEXPECTED_RESPONSE', {expected: 'collection'});
}

export async function listAll(http: AbiquoHttp, href: string, type: MediaTypeName, op: Operation, signal: AbortSignal): Promise<AbiquoResult<unknown[]>> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let next: string | undefined = href; next !== undefined && !seen.has(next) && seen.size < MAX_PAGES;) {
    seen.add(next);
    const page = await http.get(next, type, op, signal);
    if (!page.ok) return page;
    const pageItems = collectionOf(page.value);
    if (!pageItems.ok) return pageItems;
    items.push(...pageItems.value);
    next = pageItems.value.length > 0 ? findLink(page.value, 'next')?.href : undefined;
  }
  return ok(items);
}
