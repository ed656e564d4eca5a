/**
 * Privilege names (3.10's `?expand=privileges` list plus newer ones) and which ones each endpoint needs.
 * A user without them gets 403 GEN-4.
 */
import {ASSUMED} from './assumptions.ts';

const P310 = `AUTHENTICATED APPLIB_ALLOW_MODIFY APPLIB_DOWNLOAD_IMAGE APPLIB_MANAGE_CATEGORIES APPLIB_MANAGE_GLOBAL_CATEGORIES
APPLIB_MANAGE_REPOSITORY APPLIB_SHOW_DC_CAPACITY APPLIB_UPLOAD_IMAGE APPLIB_VIEW ENTERPRISE_ADMINISTER_ALL ENTERPRISE_ENUMERATE
ENTERPRISE_RESOURCE_SUMMARY_ENT ENTERPRISE_SHOW_STATS_LIMITS EVENTLOG_VIEW_ALL EVENTLOG_VIEW_ENTERPRISE PHYS_DC_ENUMERATE
PHYS_DC_MANAGE PRICING_MANAGE PRICING_VIEW SYSCONFIG_ALLOW_MODIFY SYSCONFIG_VIEW USERS_MANAGE_ENTERPRISE
USERS_MANAGE_OTHER_ENTERPRISES USERS_MANAGE_ROLES USERS_MANAGE_SCOPES USERS_MANAGE_USERS USERS_VIEW USERS_VIEW_PRIVILEGES
USERS_MANAGE_CREDENTIALS VDC_ENUMERATE VDC_MANAGE`.split(/\s+/);

/** Newer privileges (4.4+): enterprise properties (4.6.3) and pricing credentials. */
const NEWER = ['ENTERPRISE_MANAGE_PROPERTIES', ASSUMED.managePricingCredentialsPrivilege, 'USERS_MANAGE_RESELLERS', 'USERS_MANAGE_KEYNODES'];

export const ALL_PRIVILEGES: readonly string[] = [...new Set([...P310, ASSUMED.manageProviderCredentialsPrivilege, ...NEWER])];

/** What each kind of request needs (reference §2.3, §3.3, §5, §6; the mapping itself is [I]). */
export const NEEDS = {
  listEnterprises: ['ENTERPRISE_ENUMERATE'],
  readOtherEnterprise: ['ENTERPRISE_ENUMERATE'],
  editEnterprise: ['USERS_MANAGE_ENTERPRISE'],
  editOtherEnterprise: ['USERS_MANAGE_ENTERPRISE', 'USERS_MANAGE_OTHER_ENTERPRISES'],
  createEnterprise: ['USERS_MANAGE_OTHER_ENTERPRISES'],
  readProperties: ['ENTERPRISE_ADMINISTER_ALL'],
  writeProperties: ['ENTERPRISE_ADMINISTER_ALL', 'USERS_MANAGE_ENTERPRISE'],
  providerCredentials: [ASSUMED.manageProviderCredentialsPrivilege],
  pricingCredentials: [ASSUMED.managePricingCredentialsPrivilege],
  readScopes: ['USERS_VIEW'],
  manageScopes: ['USERS_MANAGE_SCOPES'],
} as const satisfies Record<string, readonly string[]>;
