/** What a route sees and returns; the router (api.ts) does media types, auth, faults and serialisation. */
import type {IncomingMessage} from 'node:http';
import {badRequest, forbidden} from './errors.ts';
import {ASSUMED} from './assumptions.ts';
import type {Session} from './sessions.ts';
import type {Store, User} from './store.ts';

export interface Ctx {
  store: Store;
  req: IncomingMessage;
  url: URL;
  /** What every href starts with: the scenario's `linkBase`, or the request's `<origin>/api`. */
  base: string;
  params: string[];
  session: Session;
  user: User;
  /** Version negotiated for the answer. */
  version: string;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Vendor media-type name of the body (`enterprise`); defaults to the route's first `produces`. */
  type?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  /** Vendor media-type names this route answers with (Accept). */
  produces: readonly string[];
  /** Vendor media-type names it takes (Content-Type), for POST and PUT. */
  consumes?: readonly string[];
  /** Basic auth here opens a new session even when a cookie names another one (`/login`: switching user). */
  login?: true;
  handle(ctx: Ctx): Reply | Promise<Reply>;
}

export interface Link {
  href: string;
  type?: string;
  rel: string;
  title?: string;
}

export const API = '/api';

export function link(ctx: Pick<Ctx, 'base'>, path: string, rel: string, type?: string, title?: string): Link {
  return {href: `${ctx.base}${path}`, ...(type ? {type: `application/vnd.abiquo.${type}+json`} : {}), rel, ...(title === undefined ? {} : {title})};
}

/** The path (after /api) of a link of a request body, e.g. `/config/hypervisortypes/AMAZON`. */
export function linkPath(body: unknown, rel: string): string | undefined {
  const links = (body as {links?: unknown} | null)?.links;
  const found = Array.isArray(links) ? (links as Partial<Link>[]).find((l) => l?.rel === rel) : undefined;
  if (typeof found?.href !== 'string') return undefined;
  try {
    const path = new URL(found.href, 'http://x').pathname;
    return path.startsWith(`${API}/`) ? path.slice(API.length) : path;
  } catch {
    return undefined;
  }
}

export function hasPrivileges(ctx: Ctx, names: readonly string[]): boolean {
  const granted = ctx.store.privilegesOf(ctx.user);
  return names.every((n) => granted.has(n));
}

export function requirePrivileges(ctx: Ctx, names: readonly string[]): void {
  if (!hasPrivileges(ctx, names)) throw forbidden();
}

export function objectBody(ctx: Ctx): Record<string, unknown> {
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body))
    throw badRequest(ASSUMED.codes.badRequest, 'The request body must be a JSON object');
  return ctx.body as Record<string, unknown>;
}

export const idParam = (ctx: Ctx, index = 0): number => Number(ctx.params[index]);
