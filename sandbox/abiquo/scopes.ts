/** Scopes: list (paged, has), read, create, update, delete; `scopeEntities` and the `scopeParent` link. */
import {ApiError, badRequest, conflict} from './errors.ts';
import type {Ctx, Route} from './http.ts';
import {idParam, linkPath, objectBody, requirePrivileges} from './http.ts';
import {NEEDS} from './privileges.ts';
import {matchesHas, paged} from './paging.ts';
import {scopeDto} from './representations.ts';
import type {Scope, ScopeEntity} from './store.ts';

function findScope(ctx: Ctx): Scope {
  const scope = ctx.store.scopes.get(idParam(ctx));
  if (!scope) throw new ApiError(404, 'SCOPE-1', 'The scope does not exist');
  return scope;
}

function scopeFields(ctx: Ctx, current?: Scope) {
  const body = objectBody(ctx);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) throw badRequest('CONSTRAINT-name', 'The scope name is required');
  if ([...ctx.store.scopes.values()].some((s) => s.name === name && s.id !== current?.id)) throw conflict('SCOPE-0', 'Duplicate scope name');
  const parentPath = linkPath(body, 'scopeParent');
  const parentId = parentPath === undefined ? undefined : Number(/^\/admin\/scopes\/(\d+)$/.exec(parentPath)?.[1]);
  if (parentId !== undefined && (!ctx.store.scopes.has(parentId) || parentId === current?.id)) throw badRequest('SCOPE-7', 'Invalid link to parent scope');
  const rawEntities = Array.isArray(body.scopeEntities) ? (body.scopeEntities as unknown[]) : [];
  const entities = rawEntities.map((raw): Omit<ScopeEntity, 'id'> => {
    const e = raw as {type?: unknown; idResource?: unknown};
    if ((e.type !== 'ENTERPRISE' && e.type !== 'DATACENTER') || typeof e.idResource !== 'number') throw badRequest('SCOPE-7', 'Invalid scope entity');
    if (e.type === 'ENTERPRISE' && !ctx.store.enterprises.has(e.idResource)) throw badRequest('SCOPE-7', 'Invalid link to enterprise');
    return {type: e.type, idResource: e.idResource};
  });
  return {
    fields: {
      name,
      automaticAddDatacenter: body.automaticAddDatacenter === true,
      automaticAddEnterprise: body.automaticAddEnterprise === true,
      ...(parentId === undefined ? {} : {parentId}),
    },
    entities,
  };
}

export const scopeRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/admin\/scopes$/,
    produces: ['scopes'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.readScopes);
      const items = [...ctx.store.scopes.values()].filter((s) => matchesHas(ctx, s.name));
      return {status: 200, body: paged(ctx, '/admin/scopes', items, [], (s) => scopeDto(ctx, s))};
    },
  },
  {
    method: 'POST',
    path: /^\/admin\/scopes$/,
    produces: ['scope'],
    consumes: ['scope'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.manageScopes);
      const {fields, entities} = scopeFields(ctx);
      return {status: 201, body: scopeDto(ctx, ctx.store.addScope(fields, entities))};
    },
  },
  {
    method: 'GET',
    path: /^\/admin\/scopes\/(\d+)$/,
    produces: ['scope'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.readScopes);
      return {status: 200, body: scopeDto(ctx, findScope(ctx))};
    },
  },
  {
    method: 'PUT',
    path: /^\/admin\/scopes\/(\d+)$/,
    produces: ['scope'],
    consumes: ['scope'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.manageScopes);
      const scope = findScope(ctx);
      if (ctx.store.isGlobalScope(scope)) throw conflict('SCOPE-3', 'The default scope cannot be modified');
      const {fields, entities} = scopeFields(ctx, scope);
      const {parentId: _replaced, ...rest} = scope;
      const reuse = (e: Omit<ScopeEntity, 'id'>) =>
        scope.entities.find((o) => o.type === e.type && o.idResource === e.idResource) ?? {...e, id: ctx.store.newEntityId()};
      const updated: Scope = {...rest, ...fields, entities: entities.map(reuse)};
      ctx.store.scopes.set(scope.id, updated);
      return {status: 200, body: scopeDto(ctx, updated)};
    },
  },
  {
    method: 'DELETE',
    path: /^\/admin\/scopes\/(\d+)$/,
    produces: ['scope'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.manageScopes);
      const scope = findScope(ctx);
      if (ctx.store.isGlobalScope(scope)) throw conflict('SCOPE-2', 'The default scope cannot be deleted');
      if ([...ctx.store.enterprises.values()].some((e) => e.defaultScopeId === scope.id))
        throw conflict('SCOPE-8', 'The scope is the default scope of an enterprise');
      ctx.store.scopes.delete(scope.id);
      return {status: 204};
    },
  },
];
