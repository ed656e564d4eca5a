/**
 * Privilege names (3.10's `?expand=privileges` list plus newer ones) and which ones each endpoint needs.
 * A user without them gets 403 GEN-4.
 */
import {ASSUMED} from './assumptions.ts';
import type {RoleSpec} from './scenario-types.ts';

const P310 = `AUTHENTICATED APPLIB_ALLOW_MODIFY APPLIB_DOWNLOAD_IMAGE APPLIB_MANAGE_CATEGORIES APPLIB_MANAGE_GLOBAL_CATEGORIES
APPLIB_MANAGE_REPOSITORY APPLIB_SHOW_DC_CAPACITY APPLIB_UPLOAD_IMAGE APPLIB_VIEW ENTERPRISE_ADMINISTER_ALL ENTERPRISE_ENUMERATE
ENTERPRISE_RESOURCE_SUMMARY_ENT ENTERPRISE_SHOW_STATS_LIMITS EVENTLOG_VIEW_ALL EVENTLOG_VIEW_ENTERPRISE PHYS_DC_ENUMERATE
PHYS_DC_MANAGE PRICING_MANAGE PRICING_VIEW SYSCONFIG_ALLOW_MODIFY SYSCONFIG_VIEW USERS_MANAGE_ENTERPRISE
USERS_MANAGE_OTHER_ENTERPRISES USERS_MANAGE_ROLES USERS_MANAGE_SCOPES USERS_MANAGE_USERS USERS_VIEW USERS_VIEW_PRIVILEGES
USERS_MANAGE_CREDENTIALS VDC_ENUMERATE VDC_MANAGE`.split(/\s+/);

/**
 * [C] Newer privileges (4.4+): enterprise properties (4.6.3), pricing credentials, reseller and key-node
 * enterprises, billing (mjsmyth/scripts-for-abiquo-wiki @c189e23, general/output_files/privileges_out_2022-08-17.txt).
 */
const NEWER = [
  'ENTERPRISE_MANAGE_PROPERTIES',
  ASSUMED.managePricingCredentialsPrivilege,
  'ENTERPRISE_MANAGE_RESELLER',
  'ENTERPRISE_MANAGE_KEY_NODE',
  'RUN_BILLING',
];

export const ALL_PRIVILEGES: readonly string[] = [...new Set([...P310, ASSUMED.manageProviderCredentialsPrivilege, ...NEWER])];

/**
 * What each kind of request needs (the privilege names are Abiquo's; the mapping itself is [I]:
 * docs/console-compatibility.md #6).
 */
export const NEEDS = {
  listEnterprises: ['ENTERPRISE_ENUMERATE'],
  readOtherEnterprise: ['ENTERPRISE_ENUMERATE'],
  editEnterprise: ['USERS_MANAGE_ENTERPRISE'],
  editOtherEnterprise: ['USERS_MANAGE_ENTERPRISE', 'USERS_MANAGE_OTHER_ENTERPRISES'],
  createEnterprise: ['USERS_MANAGE_OTHER_ENTERPRISES'],
  readProperties: ['ENTERPRISE_ADMINISTER_ALL'],
  writeProperties: ['ENTERPRISE_ADMINISTER_ALL', 'USERS_MANAGE_ENTERPRISE'],
  /** [C] Seeing HIDDEN and changing READ_ONLY or HIDDEN properties ("Protect enterprise properties with types"). */
  typedProperties: ['ENTERPRISE_MANAGE_PROPERTIES'],
  providerCredentials: [ASSUMED.manageProviderCredentialsPrivilege],
  pricingCredentials: [ASSUMED.managePricingCredentialsPrivilege],
  readScopes: ['USERS_VIEW'],
  manageScopes: ['USERS_MANAGE_SCOPES'],
} as const satisfies Record<string, readonly string[]>;

/** A role's privileges from its scenario spec; a name not in ALL_PRIVILEGES is a scenario error, not a silent no-op. */
export function rolePrivileges(spec: RoleSpec['privileges']): ReadonlySet<string> {
  if (spec === 'ALL') return new Set(ALL_PRIVILEGES);
  const names = 'allExcept' in spec ? spec.allExcept : spec;
  const unknown = names.filter((n) => !ALL_PRIVILEGES.includes(n));
  if (unknown.length) throw new Error(`Scenario: unknown privileges ${unknown.join(', ')}`);
  return new Set('allExcept' in spec ? ALL_PRIVILEGES.filter((n) => !names.includes(n)) : ['AUTHENTICATED', ...names]);
}
