/**
 * Every Abiquo API fact this client relies on that no public source confirms ([?]: unknown, [I]: inferred; [C]: since
 * confirmed by a public source, as docs/console-compatibility.md marks them), one named constant each. The simulated
 * API makes the same choices (sandbox/abiquo/assumptions.ts); docs/console-compatibility.md says how to confirm each
 * on a live console. When one turns out wrong, this file is the only one to change.
 */

/**
 * [C] Which `version=` the vendor media types carry: none. The server then answers in its newest version (5.0 API
 * docs: "If clients DO NOT supply the version … the MOST RECENT VERSION"), as the Python and ansible clients rely on; the DTO parts used here (links, properties map, credentials
 * `access`/`key`) are unchanged from 3.10 to 6.x. Pinning a version would turn every console upgrade past the
 * two supported minors into 406/415 for no gain.
 */
export const API_VERSION: string | undefined = undefined;

/** [C] The AWS hypervisor type; credentials name their provider by a link to it. */
export const AMAZON = 'AMAZON';
export const HYPERVISOR_TYPE_REL = 'hypervisortype';
/** [C] `<apiBase>/config/hypervisortypes/AMAZON`: the href of the provider link in a credentials body. */
export const hypervisorTypePath = (type: string) => `config/hypervisortypes/${type}`;

/**
 * [C] The enterprise's link to its pricing credentials: rel `pricingcredentials`, href
 * `/api/admin/enterprises/{id}/pricingcredentials`, list type `pricingcredentialslist` (the 4.7 sample response in
 * Abiquo's "How to create a tenant via API"); the item type `pricingcredentials` is [I]. Found by rel, else by a link
 * whose type names pricing credentials, else at `<enterprise edit href>/pricingcredentials`.
 */
export const PRICING_CREDENTIALS_REL = 'pricingcredentials';
export const PRICING_CREDENTIALS_PATH = 'pricingcredentials';

/*
 * [I] The pricing-credentials body mirrors the public one (PRICING-CREDS-3/4/6 name a provider, an access key and a
 * hypervisortype link): `{access, key, links: [{rel: 'hypervisortype', href: …/hypervisortypes/AMAZON}]}`, built by
 * amazon-credentials.ts for both. Replacing existing ones is a PUT of the same body to the entry's `edit` link
 * (PRICING-CREDS-5 forbids only a change of provider).
 */

/**
 * [C] rel of the enterprise's default-scope link (4.7 sample; the official ansible module writes it). When no link
 * has it, the first link whose type is `application/vnd.abiquo.scope+json` is taken (an enterprise links to no
 * other scope). Links are never found by the enterprise type alone: `edit` and `reseller` both have it.
 */
export const DEFAULT_SCOPE_REL = 'scope';

/**
 * [?] JSON field behind "Only for billing" on public credentials (the simulated API's choice). The reference
 * procedure says NOT to tick it, so the client NEVER sends this field: an unknown field name could make a real
 * server refuse the body, and an absent flag is the console's unticked default. Tests check it stays unset.
 */
export const ONLY_FOR_BILLING_FIELD = 'onlyForBilling';

/*
 * [?] How READ_ONLY / HIDDEN property types appear in the properties JSON is unknown. properties.ts therefore
 * PUTs back the whole DTO it read (id, links and any unknown field, e.g. a parallel map of types) with only the
 * `properties` map changed, and never removes a key.
 */

/**
 * [I] A new linked-account enterprise is sent with only its name, the two flags and the default-scope link;
 * limits and other settings take the server's defaults (0 = unlimited).
 */
export const NEW_ENTERPRISE_FLAGS = {keyNode: false, reseller: false} as const;

/**
 * The privileges each operation needs, by their API names. [C] for the names (the wiki's 2022 privilege table
 * generated from the API, docs/console-compatibility.md #5); which operation needs which is [C] for properties
 * (ENTERPRISE_ADMINISTER_ALL) and the two credentials, [I] for the rest (3.10's list). The preflight checks them
 * against the session's `GET /login?expand=privileges` before any write; a 403 names the ones the session lacks.
 */
export const PRIVILEGES = {
  readEnterprise: ['ENTERPRISE_ENUMERATE'],
  createEnterprise: ['USERS_MANAGE_OTHER_ENTERPRISES'],
  deleteEnterprise: ['USERS_MANAGE_OTHER_ENTERPRISES'],
  properties: ['ENTERPRISE_ADMINISTER_ALL', 'USERS_MANAGE_ENTERPRISE'],
  providerCredentials: ['USERS_MANAGE_CREDENTIALS'],
  pricingCredentials: ['MANAGE_PRICING_CREDENTIALS'],
  scopes: ['USERS_VIEW'],
  login: ['AUTHENTICATED'],
} as const satisfies Record<string, readonly string[]>;

/** [C] The console's Roles-screen label of the privileges named to the operator (2022 privilege list). */
export const PRIVILEGE_LABELS: Readonly<Record<string, string>> = {
  ENTERPRISE_ADMINISTER_ALL: 'Allow user to switch enterprise',
  USERS_MANAGE_ENTERPRISE: 'Manage enterprises',
  USERS_MANAGE_CREDENTIALS: 'Manage provider credentials',
  MANAGE_PRICING_CREDENTIALS: 'Manage pricing credentials',
  ENTERPRISE_MANAGE_PROPERTIES: 'Manage enterprise properties',
  ENTERPRISE_MANAGE_KEY_NODE: 'Manage key node enterprises',
  ENTERPRISE_MANAGE_RESELLER: 'Manage reseller enterprises',
  RUN_BILLING: 'Generate billing',
};

/** [C] `GET /login?expand=privileges` (3.10 recording) lists the session's privileges as `privileges.collection[].name`. */
export const LOGIN_PRIVILEGES_QUERY = 'expand=privileges';
