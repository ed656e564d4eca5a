/**
 * An enterprise's properties: GET, and PUT that replaces the whole map (stale-checked). Since 4.6.3 a property may be
 * READ_ONLY or HIDDEN (docs/console-compatibility.md #14): a user whose role lacks ENTERPRISE_MANAGE_PROPERTIES
 * does not see the HIDDEN ones and cannot change the READ_ONLY ones. How types travel in JSON is unknown, so no
 * answer shows them.
 */
import {badRequest, conflict, forbidden} from './errors.ts';
import {findEnterprise} from './enterprises.ts';
import type {Ctx, Route} from './http.ts';
import {hasPrivileges, objectBody, requirePrivileges} from './http.ts';
import {NEEDS} from './privileges.ts';
import {propertiesDto} from './representations.ts';
import {checkFresh, recordRead} from './sessions.ts';
import type {Enterprise} from './store.ts';
import {entityKey} from './store.ts';

const typeOf = (e: Enterprise, key: string) => e.propertyTypes[key] ?? 'READ_WRITE';

/** Everything for a user who manages property types; all but the HIDDEN ones for anyone else. */
function visible(ctx: Ctx, e: Enterprise): Record<string, string> {
  if (hasPrivileges(ctx, NEEDS.typedProperties)) return {...e.properties};
  return Object.fromEntries(Object.entries(e.properties).filter(([key]) => typeOf(e, key) !== 'HIDDEN'));
}

/**
 * The map a PUT of `body` leaves. [I] For a user who cannot see HIDDEN keys they are kept whatever the body says,
 * and a body key with a HIDDEN key's name is refused (ENPROP-2, [C] code); changing or dropping a READ_ONLY key is
 * a missing privilege (GEN-4).
 */
function afterPut(ctx: Ctx, e: Enterprise, body: Record<string, string>): Record<string, string> {
  if (hasPrivileges(ctx, NEEDS.typedProperties)) return body;
  const hidden = Object.entries(e.properties).filter(([key]) => typeOf(e, key) === 'HIDDEN');
  if (hidden.some(([key]) => Object.hasOwn(body, key))) throw conflict('ENPROP-2', 'Invalid property key. A hidden property could be using the same key.');
  const readOnly = Object.entries(e.properties).filter(([key]) => typeOf(e, key) === 'READ_ONLY');
  if (readOnly.some(([key, value]) => !Object.hasOwn(body, key) || body[key] !== value)) throw forbidden();
  return {...body, ...Object.fromEntries(hidden)};
}

/** Replaces the map whole, as the real API does; a key that goes loses its type. */
export function replaceProperties(e: Enterprise, properties: Record<string, string>): void {
  e.properties = properties;
  e.propertyTypes = Object.fromEntries(Object.entries(e.propertyTypes).filter(([key]) => Object.hasOwn(properties, key)));
}

function validProperties(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('ENPROP-1', 'Properties are required');
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, v] of entries) {
    if (!key.trim()) throw badRequest('ENPROP-3', 'The property key is required');
    if (typeof v !== 'string' || key.length > 255 || v.length > 255) throw badRequest('ENPROP-5', `Invalid enterprise property ${key}`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

const reply = (ctx: Ctx, e: Enterprise, withId: boolean) => {
  recordRead(ctx.session, entityKey.properties(e.id), ctx.store.version(entityKey.properties(e.id)));
  const {id, ...rest} = propertiesDto(ctx, e, visible(ctx, e));
  // 3.10's PUT answer carries properties and links only; the GET also has the id.
  return {status: 200, body: withId ? {id, ...rest} : rest};
};

export const propertiesRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/admin\/enterprises\/(\d+)\/properties$/,
    produces: ['enterpriseproperties'],
    handle: (ctx) => {
      const enterprise = findEnterprise(ctx);
      requirePrivileges(ctx, NEEDS.readProperties);
      return reply(ctx, enterprise, true);
    },
  },
  {
    method: 'PUT',
    path: /^\/admin\/enterprises\/(\d+)\/properties$/,
    produces: ['enterpriseproperties'],
    consumes: ['enterpriseproperties'],
    handle: (ctx) => {
      const enterprise = findEnterprise(ctx);
      requirePrivileges(ctx, NEEDS.writeProperties);
      const properties = afterPut(ctx, enterprise, validProperties(objectBody(ctx).properties));
      const key = entityKey.properties(enterprise.id);
      checkFresh(ctx.session, ctx.store, key);
      replaceProperties(enterprise, properties);
      ctx.store.bump(key);
      return reply(ctx, enterprise, false);
    },
  },
];
