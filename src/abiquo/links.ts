/**
 * HATEOAS: Abiquo DTOs carry `links: [{rel, href, type, title}]`, and Abiquo advises following them rather than
 * building URLs. Everything here reads links defensively, since DTOs arrive as untyped JSON.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';

export interface Link {
  readonly rel: string;
  readonly href: string;
  readonly type?: string;
  readonly title?: string;
}

function asLink(value: unknown): Link | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const {rel, href, type, title} = value as Record<string, unknown>;
  if (typeof rel !== 'string' || typeof href !== 'string') return undefined;
  return {rel, href, ...(typeof type === 'string' ? {type} : {}), ...(typeof title === 'string' ? {title} : {})};
}

export function linksOf(dto: unknown): Link[] {
  const links = typeof dto === 'object' && dto !== null ? (dto as {links?: unknown}).links : undefined;
  return Array.isArray(links) ? links.flatMap((l) => asLink(l) ?? []) : [];
}

export function findLink(dto: unknown, rel: string): Link | undefined {
  return linksOf(dto).find((l) => l.rel === rel);
}

/** The link the API must give: its absence means a DTO shape we do not understand. */
export function requireLink(dto: unknown, rel: string): AbiquoResult<Link> {
  const link = findLink(dto, rel);
  return link ? ok(link) : err('ABIQUO_UNEXPECTED_RESPONSE', {missingLink: rel});
}

/** The numeric id at the end of an href (`…/enterprises/42` → 42). */
export function idFromHref(href: string): number | undefined {
  const match = /\/(\d+)\/?(?:[?#].*)?$/.exec(href);
  return match ? Number(match[1]) : undefined;
}

/**
 * Links are absolute URLs as the API server sees itself. Behind a reverse proxy they may name an internal host,
 * where the console's cookie would not flow: keep the path, use the origin of the API base we were given.
 */
export function resolveHref(href: string, apiBase: string): string {
  const base = new URL(apiBase);
  const url = new URL(href, base);
  if (url.origin !== base.origin && url.pathname.startsWith(base.pathname)) return `${base.origin}${url.pathname}${url.search}`;
  return url.href;
}

/** `<apiBase>/<path>` for the few entry points the API gives no link to. */
export function apiUrl(apiBase: string, path: string): string {
  return `${apiBase.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
