/** Enterprises: list (idScope, has, paging), read, create, update (stale-checked), delete. Properties: properties.ts. */
import {ASSUMED} from './assumptions.ts';
import {ApiError, badRequest, conflict, notFound} from './errors.ts';
import type {Ctx, Route} from './http.ts';
import {idParam, linkPath, objectBody, requirePrivileges} from './http.ts';
import {NEEDS} from './privileges.ts';
import {matchesHas, paged} from './paging.ts';
import {enterpriseDto} from './representations.ts';
import {checkFresh, recordRead} from './sessions.ts';
import type {Enterprise, Limits} from './store.ts';
import {ZERO_LIMITS, entityKey} from './store.ts';

export function findEnterprise(ctx: Ctx): Enterprise {
  const enterprise = ctx.store.enterprises.get(idParam(ctx));
  if (!enterprise) throw notFound('The requested enterprise does not exist');
  if (enterprise.id !== ctx.user.enterpriseId) requirePrivileges(ctx, NEEDS.readOtherEnterprise);
  return enterprise;
}

function scopeFromLinks(ctx: Ctx, body: unknown): number | undefined {
  const path = linkPath(body, ASSUMED.defaultScopeRel);
  if (path === undefined) return undefined;
  const id = Number(/^\/admin\/scopes\/(\d+)$/.exec(path)?.[1]);
  if (!ctx.store.scopes.has(id)) throw badRequest('SCOPE-7', 'Invalid link to scope');
  return id;
}

/** Validated fields of an enterprise body; `current` supplies what the body leaves out. */
function enterpriseFields(ctx: Ctx, current?: Enterprise) {
  const body = objectBody(ctx);
  const name = body.name ?? current?.name;
  if (typeof name !== 'string' || !name.trim()) throw badRequest('CONSTRAINT-name', 'The enterprise name is required');
  const flag = (key: 'reseller' | 'keyNode' | 'isReservationRestricted' | 'twoFactorAuthenticationMandatory' | 'workflow') => {
    const value = body[key] ?? current?.[key] ?? false;
    if (typeof value !== 'boolean') throw badRequest(ASSUMED.codes.badRequest, `${key} must be a boolean`);
    return value;
  };
  const limits = {...(current?.limits ?? ZERO_LIMITS)};
  for (const key of Object.keys(limits) as (keyof Limits)[]) if (typeof body[key] === 'number') limits[key] = body[key];
  const defaultScopeId = scopeFromLinks(ctx, body) ?? current?.defaultScopeId;
  const fields = {
    name: name.trim(),
    reseller: flag('reseller'),
    keyNode: flag('keyNode'),
    isReservationRestricted: flag('isReservationRestricted'),
    twoFactorAuthenticationMandatory: flag('twoFactorAuthenticationMandatory'),
    workflow: flag('workflow'),
    limits,
    ...(defaultScopeId === undefined ? {} : {defaultScopeId}),
  };
  for (const other of ctx.store.enterprises.values()) {
    if (other.id === current?.id) continue;
    if (other.name === fields.name) throw conflict('ENTERPRISE-4', 'Duplicate name for an enterprise');
    if (defaultScopeId === undefined || other.defaultScopeId !== defaultScopeId) continue;
    if (fields.reseller && other.reseller) throw conflict('ENTERPRISE-20', 'There can only be one reseller enterprise per scope');
    if (fields.keyNode && other.keyNode) throw conflict('ENTERPRISE-21', 'There can only be one key node enterprise per scope');
  }
  return fields;
}

const enterpriseReply = (ctx: Ctx, e: Enterprise, status = 200) => {
  recordRead(ctx.session, entityKey.enterprise(e.id), ctx.store.version(entityKey.enterprise(e.id)));
  return {status, type: 'enterprise', body: enterpriseDto(ctx, e)};
};

export const enterpriseRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/admin\/enterprises$/,
    produces: ['enterprises'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.listEnterprises);
      const idScope = ctx.url.searchParams.get('idScope');
      let items = [...ctx.store.enterprises.values()];
      if (idScope !== null) {
        const scope = ctx.store.scopes.get(Number(idScope));
        if (!scope) throw new ApiError(404, 'SCOPE-1', 'The scope does not exist');
        items = ctx.store.enterprisesInScope(scope);
      }
      items = items.filter((e) => matchesHas(ctx, e.name));
      return {status: 200, body: paged(ctx, '/admin/enterprises', items, ['idScope'], (e) => enterpriseDto(ctx, e))};
    },
  },
  {
    method: 'POST',
    path: /^\/admin\/enterprises$/,
    produces: ['enterprise'],
    consumes: ['enterprise'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.createEnterprise);
      const enterprise = ctx.store.addEnterprise(enterpriseFields(ctx));
      const scope = enterprise.defaultScopeId === undefined ? undefined : ctx.store.scopes.get(enterprise.defaultScopeId);
      if (scope && ASSUMED.newEnterpriseJoinsDefaultScope && !scope.entities.some((e) => e.type === 'ENTERPRISE' && e.idResource === enterprise.id)) {
        scope.entities.push({id: ctx.store.newEntityId(), type: 'ENTERPRISE', idResource: enterprise.id});
      }
      return enterpriseReply(ctx, enterprise, 201);
    },
  },
  {method: 'GET', path: /^\/admin\/enterprises\/(\d+)$/, produces: ['enterprise'], handle: (ctx) => enterpriseReply(ctx, findEnterprise(ctx))},
  {
    method: 'PUT',
    path: /^\/admin\/enterprises\/(\d+)$/,
    produces: ['enterprise'],
    consumes: ['enterprise'],
    handle: (ctx) => {
      const enterprise = findEnterprise(ctx);
      requirePrivileges(ctx, enterprise.id === ctx.user.enterpriseId ? NEEDS.editEnterprise : NEEDS.editOtherEnterprise);
      const key = entityKey.enterprise(enterprise.id);
      checkFresh(ctx.session, ctx.store, key);
      Object.assign(enterprise, enterpriseFields(ctx, enterprise));
      ctx.store.bump(key);
      return enterpriseReply(ctx, enterprise);
    },
  },
  {
    method: 'DELETE',
    path: /^\/admin\/enterprises\/(\d+)$/,
    produces: ['enterprise'],
    handle: (ctx) => {
      const enterprise = findEnterprise(ctx);
      requirePrivileges(ctx, NEEDS.createEnterprise);
      if ([...ctx.store.users.values()].some((u) => u.enterpriseId === enterprise.id)) {
        throw new ApiError(409, 'ENTERPRISE-6', 'The enterprise has users and cannot be deleted');
      }
      ctx.store.enterprises.delete(enterprise.id);
      for (const map of Object.values(ctx.store.credentials)) for (const c of map.values()) if (c.enterpriseId === enterprise.id) map.delete(c.id);
      for (const scope of ctx.store.scopes.values())
        scope.entities = scope.entities.filter((e) => !(e.type === 'ENTERPRISE' && e.idResource === enterprise.id));
      return {status: 204};
    },
  },
];
