/**
 * Paged collections: `startwith` (default 0), `limit` (default 25, 0 = all), `by` (name or id), `asc`, and the
 * `first`/`previous`/`next`/`last` links in 3.10's order of parameters (filters, startwith, limit, has, by).
 */
import type {Ctx, Link} from './http.ts';

export interface Page {
  totalSize: number;
  links: Link[];
  collection: unknown[];
}

export function paged<T extends {id: number; name: string}>(
  ctx: Ctx,
  path: string,
  items: readonly T[],
  filters: readonly string[],
  dto: (item: T) => unknown,
): Page {
  const q = ctx.url.searchParams;
  const startwith = Math.max(0, Number(q.get('startwith') ?? 0) || 0);
  const limitParam = Number(q.get('limit') ?? 25);
  const limit = Number.isFinite(limitParam) && limitParam >= 0 ? limitParam : 25;
  const by = q.get('by') === 'id' ? 'id' : 'name';
  const asc = q.get('asc') !== 'false';
  const sorted = [...items].sort((a, b) => (by === 'id' ? a.id - b.id : a.name.localeCompare(b.name)) * (asc ? 1 : -1));
  const page = limit === 0 ? sorted : sorted.slice(startwith, startwith + limit);
  const has = q.get('has');
  const href = (start?: number) => {
    const params = [
      ...filters.flatMap((f) => (q.has(f) ? [`${f}=${encodeURIComponent(q.get(f) ?? '')}`] : [])),
      ...(start === undefined ? [] : [`startwith=${start}`]),
      `limit=${limit}`,
      ...(has === null ? [] : [`has=${encodeURIComponent(has)}`]),
      `by=${by}`,
      ...(q.has('asc') ? [`asc=${asc}`] : []),
    ];
    return `${ctx.base}${path}?${params.join('&')}`;
  };
  const links: Link[] = [{href: href(), rel: 'first'}];
  if (limit > 0) {
    const last = items.length === 0 ? 0 : Math.floor((items.length - 1) / limit) * limit;
    if (startwith > 0) links.push({href: href(Math.max(0, startwith - limit)), rel: 'previous'});
    if (startwith + limit < items.length) links.push({href: href(startwith + limit), rel: 'next'});
    links.push({href: href(last), rel: 'last'});
  }
  return {totalSize: items.length, links, collection: page.map(dto)};
}

/** `has=text`: case-insensitive substring of the name. */
export function matchesHas(ctx: Ctx, name: string): boolean {
  const has = ctx.url.searchParams.get('has');
  return has === null || name.toLowerCase().includes(has.toLowerCase());
}
