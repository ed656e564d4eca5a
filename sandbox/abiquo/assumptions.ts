/**
 * Every shape of the simulated API that no public source confirms ([?] unknown, [I] inferred), in one place; a few
 * since confirmed stay here marked [C], so the extension's list still has one file to agree with.
 * docs/console-compatibility.md lists each with how to confirm it on a live console. The extension's own
 * src/abiquo/assumptions.ts should agree with these values; the sandbox is where they are exercised.
 */
export const ASSUMED = {
  /** [?] rel of the enterprise's default-scope link (type application/vnd.abiquo.scope+json). */
  defaultScopeRel: 'scope',
  /** [?] rel, path segment and media types of an enterprise's pricing credentials (mirrors `credentials`). */
  pricingCredentialsRel: 'pricingcredentials',
  pricingCredentialsPath: 'pricingcredentials',
  pricingCredentialsListType: 'pricingcredentialslist',
  pricingCredentialsType: 'pricingcredentials',
  /** [?] JSON field behind "Only for billing" on public cloud credentials (the UI checkbox). */
  onlyForBillingField: 'onlyForBilling',
  /**
   * [C] Privilege names behind the UI's "Manage provider credentials" and "Manage pricing credentials"
   * (mjsmyth/scripts-for-abiquo-wiki @c189e23, general/output_files/privileges_out_2022-08-17.txt).
   */
  manageProviderCredentialsPrivilege: 'USERS_MANAGE_CREDENTIALS',
  managePricingCredentialsPrivilege: 'MANAGE_PRICING_CREDENTIALS',
  /** [?] Codes of the generic status errors (only `409-CONFLICT-StaleObject` is confirmed verbatim). */
  codes: {
    unauthorized: '401',
    forbidden: 'GEN-4',
    notFound: '404-NOT-FOUND',
    methodNotAllowed: '405-METHOD-NOT-ALLOWED',
    notAcceptable: '406-NOT-ACCEPTABLE',
    unsupportedMediaType: '415-UNSUPPORTED-MEDIA-TYPE',
    badRequest: '400-BAD-REQUEST',
    internal: '500-INTERNAL-SERVER-ERROR',
    unavailable: '503-SERVICE-UNAVAILABLE',
    /** Credentials POSTed without access or key; Abiquo's code for it is unknown. */
    credentialsIncomplete: 'PUBLIC-11',
    /** Credentials POSTed without a hypervisortype/publiccloudregion link. */
    credentialsNoProvider: 'PUBLIC-15',
  },
  /**
   * [I] 409-CONFLICT-StaleObject: the real API has no version in its JSON. The sandbox keeps a hidden version per
   * enterprise and per properties map, remembers per session the version each GET returned, and refuses a PUT from
   * a session whose last read is older than the current version (someone else wrote in between). A scenario with
   * `staleWriteCheck: false` is a last-write-wins server instead.
   */
  staleWritesPerSession: true,
  /** [I] A new enterprise whose POST carries a default-scope link is also added to that scope's entities. */
  newEnterpriseJoinsDefaultScope: true,
  /** [I] `?idScope=N` lists the enterprises activated in scope N (all of them if it adds enterprises automatically). */
  idScopeMeansScopeEntities: true,
  /** [?] POST of pricing credentials for a provider that already has them: 409 PUBLIC-3 like public credentials. */
  pricingDuplicateProviderCode: 'PUBLIC-3',
} as const;
