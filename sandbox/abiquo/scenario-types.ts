/**
 * The `abiquo` section of a scenario file (documented in docs/sandbox.md). Every collection is an object
 * keyed by a short handle (`"acme-reseller"`), not an array, so a scenario that `extends` another can add or
 * change one entry by deep merge; other entries refer to each other by these handles.
 */
export interface AbiquoScenario {
  /** The version the API answers with when a request names none. Default "6.2". */
  apiVersion?: string;
  /**
   * Where every href of an answer points (`http://abiquo-api.internal:9009/api`), as an API behind a proxy writes
   * its own host; requests still arrive at the sandbox and paths are the same, so it must end in `/api`.
   * Default: the request's `<origin>/api`.
   */
  linkBase?: string;
  /** false: a last-write-wins server that never answers 409-CONFLICT-StaleObject. Default true. */
  staleWriteCheck?: boolean;
  roles?: Record<string, RoleSpec>;
  scopes?: Record<string, ScopeSpec>;
  enterprises?: Record<string, EnterpriseSpec>;
  /** Keyed by the login name (`nick`). */
  users?: Record<string, UserSpec>;
}

export interface RoleSpec {
  id?: number;
  name: string;
  /** Privilege names (see privileges.ts), "ALL", or every one but some. */
  privileges: readonly string[] | 'ALL' | {allExcept: readonly string[]};
}

export interface ScopeSpec {
  id?: number;
  name: string;
  /** Handle of the parent scope (`scopeParent` link). */
  parent?: string;
  automaticAddDatacenter?: boolean;
  automaticAddEnterprise?: boolean;
  /** Handles of the enterprises activated in this scope (ENTERPRISE scope entities). */
  enterprises?: readonly string[];
  /** Ids of datacenters or public cloud regions activated in this scope (DATACENTER scope entities = compute). */
  datacenters?: readonly number[];
}

export interface CredentialSpec {
  /** The plaintext access key ID; the API only ever returns it obfuscated. */
  access: string;
  key: string;
  /** Extra flags stored and echoed as they are (e.g. the "Only for billing" field, see assumptions.ts). */
  flags?: Record<string, boolean>;
}

/** Since 4.6.3 ("Protect enterprise properties with types"; docs/console-compatibility.md #14). */
export type PropertyType = 'READ_WRITE' | 'READ_ONLY' | 'HIDDEN';

export interface EnterpriseSpec {
  id?: number;
  name: string;
  reseller?: boolean;
  keyNode?: boolean;
  /** Handle of the enterprise's default scope. */
  defaultScope?: string;
  properties?: Record<string, string>;
  /** Types of some of `properties` (absent: READ_WRITE); what they do: properties.ts. */
  propertyTypes?: Record<string, PropertyType>;
  /** Public cloud credentials, keyed by hypervisor type (`AMAZON`). */
  credentials?: Record<string, CredentialSpec>;
  /** Pricing credentials, keyed by hypervisor type (`AMAZON`). */
  pricingCredentials?: Record<string, CredentialSpec>;
}

export interface UserSpec {
  id?: number;
  /** Demo password, plain text. */
  password: string;
  /** Handle of the user's enterprise. */
  enterprise: string;
  /** Handle of the user's role. */
  role: string;
  /** e.g. en_US, es_ES: the console follows it. */
  locale?: string;
  name?: string;
  surname?: string;
  email?: string;
  active?: boolean;
}
