/**
 * The simulated Abiquo's state, built from a scenario's `abiquo` section. Plain in-memory maps; every entity that a
 * client can read then PUT carries a hidden version (see ASSUMED.staleWritesPerSession).
 */
import {rolePrivileges} from './privileges.ts';
import type {AbiquoScenario, CredentialSpec, PropertyType} from './scenario-types.ts';

export interface Role {
  id: number;
  name: string;
  privileges: ReadonlySet<string>;
}
export interface User {
  id: number;
  nick: string;
  password: string;
  enterpriseId: number;
  roleId: number;
  locale: string;
  name: string;
  surname: string;
  email: string;
  active: boolean;
}
export interface ScopeEntity {
  id: number;
  type: 'ENTERPRISE' | 'DATACENTER';
  idResource: number;
}
export interface Scope {
  id: number;
  name: string;
  parentId?: number;
  automaticAddDatacenter: boolean;
  automaticAddEnterprise: boolean;
  entities: ScopeEntity[];
}
export interface Limits {
  cpuCountSoftLimit: number;
  cpuCountHardLimit: number;
  ramSoftLimitInMb: number;
  ramHardLimitInMb: number;
  diskSoftLimitInMb: number;
  diskHardLimitInMb: number;
  storageSoftInMb: number;
  storageHardInMb: number;
  repositorySoftInMb: number;
  repositoryHardInMb: number;
  vlansSoft: number;
  vlansHard: number;
  publicIpsSoft: number;
  publicIpsHard: number;
}
export interface Enterprise {
  id: number;
  handle: string;
  name: string;
  reseller: boolean;
  keyNode: boolean;
  defaultScopeId?: number;
  isReservationRestricted: boolean;
  twoFactorAuthenticationMandatory: boolean;
  workflow: boolean;
  limits: Limits;
  propertiesId: number;
  properties: Record<string, string>;
  /** Types of some keys (properties.ts); a key without one is READ_WRITE. */
  propertyTypes: Record<string, PropertyType>;
}
export interface Credential {
  id: number;
  enterpriseId: number;
  provider: string;
  /** Plaintext: only /__sandbox/state shows it. */
  access: string;
  key: string;
  flags: Record<string, boolean>;
}
export type CredentialKind = 'public' | 'pricing';

export const ZERO_LIMITS: Limits = {
  cpuCountSoftLimit: 0,
  cpuCountHardLimit: 0,
  ramSoftLimitInMb: 0,
  ramHardLimitInMb: 0,
  diskSoftLimitInMb: 0,
  diskHardLimitInMb: 0,
  storageSoftInMb: 0,
  storageHardInMb: 0,
  repositorySoftInMb: 0,
  repositoryHardInMb: 0,
  vlansSoft: 0,
  vlansHard: 0,
  publicIpsSoft: 0,
  publicIpsHard: 0,
};

/** Hands out ids: explicit ones from the scenario are kept, the others follow the highest seen. */
class Ids {
  private next = 1;
  take(explicit?: number): number {
    const id = explicit ?? this.next;
    this.next = Math.max(this.next, id + 1);
    return id;
  }
}

const PROPERTY_TYPES: readonly string[] = ['READ_WRITE', 'READ_ONLY', 'HIDDEN'] satisfies PropertyType[];

export class Store {
  readonly currentVersion: string;
  /** The scenario's `linkBase`, when hrefs name another host than the request's. */
  readonly linkBase: string | undefined;
  readonly staleWriteCheck: boolean;
  readonly roles = new Map<number, Role>();
  readonly users = new Map<number, User>();
  readonly scopes = new Map<number, Scope>();
  readonly enterprises = new Map<number, Enterprise>();
  readonly credentials: Record<CredentialKind, Map<number, Credential>> = {public: new Map(), pricing: new Map()};
  private readonly versions = new Map<string, number>();
  private readonly ids = {
    role: new Ids(),
    user: new Ids(),
    scope: new Ids(),
    entity: new Ids(),
    enterprise: new Ids(),
    props: new Ids(),
    credential: new Ids(),
  };

  constructor(scenario: AbiquoScenario) {
    this.currentVersion = scenario.apiVersion ?? '6.2';
    // Incoming links are read by their path (linkPath), so a base on another path would not be understood back.
    if (scenario.linkBase !== undefined && new URL(scenario.linkBase).pathname.replace(/\/$/, '') !== '/api') {
      throw new Error(`Scenario: linkBase "${scenario.linkBase}" must end in /api`);
    }
    this.linkBase = scenario.linkBase?.replace(/\/$/, '');
    this.staleWriteCheck = scenario.staleWriteCheck ?? true;
    const roleIds = new Map<string, number>();
    for (const [handle, spec] of Object.entries(scenario.roles ?? {})) {
      const id = this.ids.role.take(spec.id);
      roleIds.set(handle, id);
      this.roles.set(id, {id, name: spec.name, privileges: rolePrivileges(spec.privileges)});
    }
    // Ids first, so that scopes and enterprises can refer to each other in any order.
    const scopeIds = new Map(Object.entries(scenario.scopes ?? {}).map(([h, s]) => [h, this.ids.scope.take(s.id)]));
    const enterpriseIds = new Map(Object.entries(scenario.enterprises ?? {}).map(([h, e]) => [h, this.ids.enterprise.take(e.id)]));
    const ref = (map: Map<string, number>, handle: string, what: string): number => {
      const id = map.get(handle);
      if (id === undefined) throw new Error(`Scenario: unknown ${what} "${handle}"`);
      return id;
    };
    for (const [handle, spec] of Object.entries(scenario.scopes ?? {})) {
      const id = ref(scopeIds, handle, 'scope');
      this.scopes.set(id, {
        id,
        name: spec.name,
        automaticAddDatacenter: spec.automaticAddDatacenter ?? false,
        automaticAddEnterprise: spec.automaticAddEnterprise ?? false,
        ...(spec.parent ? {parentId: ref(scopeIds, spec.parent, 'scope')} : {}),
        entities: [
          ...(spec.enterprises ?? []).map((e) => ({id: this.ids.entity.take(), type: 'ENTERPRISE' as const, idResource: ref(enterpriseIds, e, 'enterprise')})),
          ...(spec.datacenters ?? []).map((d) => ({id: this.ids.entity.take(), type: 'DATACENTER' as const, idResource: d})),
        ],
      });
    }
    for (const [handle, spec] of Object.entries(scenario.enterprises ?? {})) {
      const id = ref(enterpriseIds, handle, 'enterprise');
      for (const [key, type] of Object.entries(spec.propertyTypes ?? {})) {
        if (!Object.hasOwn(spec.properties ?? {}, key) || !PROPERTY_TYPES.includes(type))
          throw new Error(`Scenario: bad property type ${key}: ${type} in "${handle}"`);
      }
      this.enterprises.set(id, {
        id,
        handle,
        name: spec.name,
        reseller: spec.reseller ?? false,
        keyNode: spec.keyNode ?? false,
        ...(spec.defaultScope ? {defaultScopeId: ref(scopeIds, spec.defaultScope, 'scope')} : {}),
        isReservationRestricted: false,
        twoFactorAuthenticationMandatory: false,
        workflow: false,
        limits: {...ZERO_LIMITS},
        propertiesId: this.ids.props.take(),
        properties: {...spec.properties},
        propertyTypes: {...spec.propertyTypes},
      });
      for (const [kind, specs] of [
        ['public', spec.credentials],
        ['pricing', spec.pricingCredentials],
      ] as const) {
        for (const [provider, cred] of Object.entries(specs ?? {})) this.addCredential(kind, id, provider, cred);
      }
    }
    for (const [nick, spec] of Object.entries(scenario.users ?? {})) {
      const id = this.ids.user.take(spec.id);
      this.users.set(id, {
        id,
        nick,
        password: spec.password,
        enterpriseId: ref(enterpriseIds, spec.enterprise, 'enterprise'),
        roleId: ref(roleIds, spec.role, 'role'),
        locale: spec.locale ?? 'en_US',
        name: spec.name ?? nick,
        surname: spec.surname ?? '',
        email: spec.email ?? `${nick}@example.com`,
        active: spec.active ?? true,
      });
    }
  }

  addCredential(kind: CredentialKind, enterpriseId: number, provider: string, spec: CredentialSpec): Credential {
    const credential = {id: this.ids.credential.take(), enterpriseId, provider, access: spec.access, key: spec.key, flags: {...spec.flags}};
    this.credentials[kind].set(credential.id, credential);
    return credential;
  }

  addEnterprise(fields: Omit<Enterprise, 'id' | 'handle' | 'propertiesId' | 'properties' | 'propertyTypes'>): Enterprise {
    const id = this.ids.enterprise.take();
    const enterprise = {...fields, id, handle: `enterprise-${id}`, propertiesId: this.ids.props.take(), properties: {}, propertyTypes: {}};
    this.enterprises.set(id, enterprise);
    return enterprise;
  }

  addScope(fields: Omit<Scope, 'id' | 'entities'>, entities: readonly Omit<ScopeEntity, 'id'>[]): Scope {
    const scope = {...fields, id: this.ids.scope.take(), entities: entities.map((e) => ({...e, id: this.ids.entity.take()}))};
    this.scopes.set(scope.id, scope);
    return scope;
  }

  newEntityId(): number {
    return this.ids.entity.take();
  }

  userByNick(nick: string): User | undefined {
    return [...this.users.values()].find((u) => u.nick === nick);
  }

  privilegesOf(user: User): ReadonlySet<string> {
    return this.roles.get(user.roleId)?.privileges ?? new Set();
  }

  credentialsOf(kind: CredentialKind, enterpriseId: number): Credential[] {
    return [...this.credentials[kind].values()].filter((c) => c.enterpriseId === enterpriseId);
  }

  /** Enterprises activated in a scope (ASSUMED.idScopeMeansScopeEntities). */
  enterprisesInScope(scope: Scope): Enterprise[] {
    if (scope.automaticAddEnterprise) return [...this.enterprises.values()];
    const ids = new Set(scope.entities.filter((e) => e.type === 'ENTERPRISE').map((e) => e.idResource));
    return [...this.enterprises.values()].filter((e) => ids.has(e.id));
  }

  /** The default (global) scope: the first scope without a parent. It cannot be modified or deleted. */
  isGlobalScope(scope: Scope): boolean {
    const roots = [...this.scopes.values()].filter((s) => s.parentId === undefined).map((s) => s.id);
    return roots.length > 0 && scope.id === Math.min(...roots);
  }

  version(entity: string): number {
    return this.versions.get(entity) ?? 0;
  }

  bump(entity: string): number {
    const next = this.version(entity) + 1;
    this.versions.set(entity, next);
    return next;
  }
}

/** Hidden-version keys of the entities a client reads and PUTs back whole. */
export const entityKey = {
  enterprise: (id: number) => `enterprise:${id}`,
  properties: (id: number) => `properties:${id}`,
};
