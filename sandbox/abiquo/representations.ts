/** JSON shapes, following the recorded 3.10 examples plus the `reseller` and `keyNode` booleans of 4.4 and later. */
import {ASSUMED} from './assumptions.ts';
import type {Ctx, Link} from './http.ts';
import {link} from './http.ts';
import {obfuscate} from './obfuscate.ts';
import type {Credential, CredentialKind, Enterprise, Role, Scope, User} from './store.ts';

type Origin = Pick<Ctx, 'base' | 'store'>;

export function enterpriseLinks(ctx: Origin, e: Enterprise): Link[] {
  const base = `/admin/enterprises/${e.id}`;
  const scope = e.defaultScopeId === undefined ? undefined : ctx.store.scopes.get(e.defaultScopeId);
  return [
    link(ctx, base, 'edit', 'enterprise', e.name),
    link(ctx, `${base}/users`, 'users', 'users', 'users'),
    link(ctx, `${base}/properties`, 'properties', 'enterpriseproperties', 'properties'),
    link(ctx, `${base}/appslib/templateDefinitionLists`, 'appslib/templateDefinitionLists', 'templatedefinitionlists', 'template definitions lists'),
    link(ctx, `${base}/appslib/templateDefinitions`, 'appslib/templateDefinitions', 'templatedefinitions', 'template defintion paths'),
    link(ctx, `${base}/datacenterrepositories`, 'datacenterrepositories', 'datacenterrepositories', 'repositories'),
    link(ctx, `${base}/action/virtualmachines`, 'virtualmachines', 'virtualmachines', 'virtual machines'),
    link(ctx, `${base}/action/virtualappliances`, 'virtualappliances', 'virtualappliances', 'virtual appliances'),
    link(ctx, `${base}/action/ips`, 'ips', 'privateips', 'ips'),
    link(ctx, `${base}/action/virtualdatacenters`, 'cloud/virtualdatacenters', 'virtualdatacenters', 'virtual datacenters'),
    link(ctx, `${base}/reservedmachines`, 'reservedmachines', 'machines', 'reserved machines'),
    link(ctx, `${base}/limits`, 'limits', 'limits', 'limits'),
    link(ctx, `${base}/action/volumes`, 'volumes', 'volumes', 'volumes'),
    link(ctx, `${base}/action/externalnetworks`, 'externalnetworks', 'vlans', 'external networks'),
    link(ctx, `${base}/action/pendingtasks`, 'pendingtasks', 'tasks', 'pending tasks'),
    link(ctx, `${base}/credentials`, 'credentials', 'publiccloudcredentialslist', 'credentials'),
    link(ctx, `${base}/${ASSUMED.pricingCredentialsPath}`, ASSUMED.pricingCredentialsRel, ASSUMED.pricingCredentialsListType, 'pricing credentials'),
    link(ctx, `${base}/vappspecs`, 'vappspecs', 'virtualappliancespecs', 'virtual appliances specs'),
    ...(scope ? [link(ctx, `/admin/scopes/${scope.id}`, ASSUMED.defaultScopeRel, 'scope', scope.name)] : []),
  ];
}

export function enterpriseDto(ctx: Origin, e: Enterprise) {
  return {
    id: e.id,
    name: e.name,
    isReservationRestricted: e.isReservationRestricted,
    twoFactorAuthenticationMandatory: e.twoFactorAuthenticationMandatory,
    workflow: e.workflow,
    reseller: e.reseller,
    keyNode: e.keyNode,
    ...e.limits,
    links: enterpriseLinks(ctx, e),
  };
}

/** `properties`: what this user may see of them (properties.ts). */
export function propertiesDto(ctx: Origin, e: Enterprise, properties: Record<string, string>) {
  return {
    id: e.propertiesId,
    properties,
    links: [
      link(ctx, `/admin/enterprises/${e.id}/properties`, 'edit', 'enterpriseproperties', 'enterprise properties'),
      link(ctx, `/admin/enterprises/${e.id}`, 'enterprise', 'enterprise', e.name),
    ],
  };
}

export const credentialPaths: Record<CredentialKind, {segment: string; list: string; item: string; title: string}> = {
  public: {segment: 'credentials', list: 'publiccloudcredentialslist', item: 'publiccloudcredentials', title: 'edit public cloud credentials'},
  pricing: {
    segment: ASSUMED.pricingCredentialsPath,
    list: ASSUMED.pricingCredentialsListType,
    item: ASSUMED.pricingCredentialsType,
    title: 'edit pricing credentials',
  },
};

/** Never the secret; the access key ID only obfuscated. */
export function credentialDto(ctx: Origin, kind: CredentialKind, c: Credential) {
  const enterprise = ctx.store.enterprises.get(c.enterpriseId);
  const paths = credentialPaths[kind];
  return {
    id: c.id,
    access: obfuscate(c.access),
    ...c.flags,
    links: [
      link(ctx, `/admin/enterprises/${c.enterpriseId}`, 'enterprise', 'enterprise', enterprise?.name ?? ''),
      link(ctx, `/admin/enterprises/${c.enterpriseId}/${paths.segment}/${c.id}`, 'edit', paths.item, paths.title),
      link(ctx, `/config/hypervisortypes/${c.provider}`, 'hypervisortype', 'hypervisortype', c.provider),
    ],
  };
}

export function scopeDto(ctx: Origin, s: Scope) {
  const parent = s.parentId === undefined ? undefined : ctx.store.scopes.get(s.parentId);
  const self = link(ctx, `/admin/scopes/${s.id}`, 'edit', 'scope', s.name);
  return {
    id: s.id,
    name: s.name,
    automaticAddDatacenter: s.automaticAddDatacenter,
    automaticAddEnterprise: s.automaticAddEnterprise,
    scopeEntities: s.entities.map((e) => ({id: e.id, type: e.type, idResource: e.idResource, links: [{...self, rel: 'scope'}]})),
    links: [self, ...(parent ? [link(ctx, `/admin/scopes/${parent.id}`, 'scopeParent', 'scope', parent.name)] : [])],
  };
}

export function roleDto(ctx: Origin, r: Role) {
  return {
    id: r.id,
    name: r.name,
    blocked: false,
    links: [
      link(ctx, `/admin/roles/${r.id}`, 'edit', 'role', r.name),
      link(ctx, `/admin/roles/${r.id}/action/privileges`, 'privileges', 'privileges', 'privileges'),
    ],
  };
}

export function privilegesDto(ctx: Origin, r: Role) {
  return {
    links: [],
    collection: [...r.privileges].map((name, i) => ({id: i + 1, name, links: [link(ctx, `/config/privileges/${i + 1}`, 'self', 'privilege', name)]})),
  };
}

export function userDto(ctx: Origin, u: User, expandPrivileges: boolean) {
  const enterprise = ctx.store.enterprises.get(u.enterpriseId);
  const role = ctx.store.roles.get(u.roleId);
  const base = `/admin/enterprises/${u.enterpriseId}/users/${u.id}`;
  return {
    id: u.id,
    nick: u.nick,
    name: u.name,
    surname: u.surname,
    email: u.email,
    locale: u.locale,
    authType: 'ABIQUO',
    active: u.active,
    locked: false,
    firstLogin: false,
    ...(expandPrivileges && role ? {privileges: privilegesDto(ctx, role)} : {}),
    links: [
      link(ctx, `/admin/enterprises/${u.enterpriseId}`, 'enterprise', 'enterprise', enterprise?.name ?? ''),
      link(ctx, `/admin/roles/${u.roleId}`, 'role', 'role', role?.name ?? ''),
      link(ctx, base, 'edit', 'user', u.nick),
      link(ctx, `${base}/action/virtualmachines`, 'virtualmachines', 'virtualmachines', 'virtual machines'),
      link(ctx, `${base}/action/pendingtasks`, 'pendingtasks', 'tasks', 'pending tasks'),
      link(ctx, `${base}/applications`, 'applications', 'applications', 'applications'),
    ],
  };
}
