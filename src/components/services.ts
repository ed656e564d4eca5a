/**
 * What the tab's components are given to do their work. Components never call `chrome.*` or `fetch`:
 * the content script builds these services (Abiquo client over the console session, AWS checks through the
 * service worker) and tests pass fakes.
 */
import type {AwsKeys, Check, SetupInput, Verdict} from '../aws/types.ts';
import type {Result} from '../shared/result.ts';
import type {Translate} from '../shared/i18n.ts';

/** Closed list of Abiquo-side failure codes; each has a message `abiquo_<CODE>` in every locale. */
export const abiquoCodes = [
  'ABIQUO_SESSION_EXPIRED', // 401
  'ABIQUO_FORBIDDEN', // 403: facts.privilege names what is missing
  'ABIQUO_NOT_FOUND', // 404
  'ABIQUO_MEDIA_TYPE', // 406 / 415: the console's API version is not one we speak
  'ABIQUO_CONFLICT', // 409 stale object, or a property changed by someone else since it was read
  'ABIQUO_CREDENTIALS_IN_USE', // PUBLIC-14 / PRICING-CREDS-2
  'ABIQUO_PROVIDER_HAS_CREDENTIALS', // PUBLIC-3
  'ABIQUO_INVALID', // 400 / other business rule: facts.code, facts.message from the API
  'ABIQUO_SERVER', // 5xx
  'ABIQUO_TIMEOUT',
  'ABIQUO_NETWORK',
  'ABIQUO_UNEXPECTED_RESPONSE', // the API answered in a shape we do not understand
  'ABIQUO_API_CROSS_ORIGIN', // config.endpoint is on another origin: the console's cookie would not follow
  'ABIQUO_ACCOUNT_EXISTS', // a linked account of that name already has AMAZON credentials
  'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED', // enterprise created, credentials not: facts.cause, facts.enterpriseId; adding again retries only them
] as const;
export type AbiquoCode = (typeof abiquoCodes)[number];
export type AbiquoResult<T> = Result<T, AbiquoCode>;

export interface EnterpriseSummary {
  readonly id: number;
  readonly name: string;
  readonly keyNode: boolean;
  readonly reseller: boolean;
}

export interface ScopeSummary {
  readonly id: number;
  readonly name: string;
  /** Datacenters or public-cloud regions activated in the scope: a billing-only keynode should have none. */
  readonly computeResources: number;
}

/** Everything the tab shows about the keynode being edited, read in one go when the tab opens. */
export interface KeynodeState {
  readonly enterprise: EnterpriseSummary;
  /** All properties of the enterprise, as read (other properties must survive every write). */
  readonly properties: Readonly<Record<string, string>>;
  /** Whether AMAZON pricing credentials exist (the API never returns the key itself). */
  readonly hasPricingCredentials: boolean;
  readonly scope?: ScopeSummary;
}

export interface LinkedAccount {
  readonly enterpriseId: number;
  readonly name: string;
  readonly hasAmazonCredentials: boolean;
  /** Known when the account was added through the tab (it is checked with STS first), else absent. */
  readonly awsAccountId?: string;
}

export interface NewLinkedAccount {
  readonly name: string;
  readonly keys: AwsKeys;
  /** From STS, shown in the list afterwards. */
  readonly awsAccountId: string;
}

/** Abiquo API access bound to the enterprise being edited. */
export interface AbiquoService {
  loadKeynode(signal: AbortSignal): Promise<AbiquoResult<KeynodeState>>;
  /** Only the properties, re-read (e.g. after the console's own Save). */
  readProperties(signal: AbortSignal): Promise<AbiquoResult<Readonly<Record<string, string>>>>;
  /**
   * Writes `changes` over the current properties: re-reads just before the PUT, keeps every other property,
   * and answers ABIQUO_CONFLICT (facts.keys) instead of overwriting a changed key that `loaded` did not have.
   * Resolves to the properties as stored after the write.
   */
  applyProperties(
    changes: Readonly<Record<string, string>>,
    loaded: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<AbiquoResult<Readonly<Record<string, string>>>>;
  /** Creates or replaces the keynode's AMAZON pricing credentials. */
  savePricingCredentials(keys: AwsKeys, signal: AbortSignal): Promise<AbiquoResult<void>>;
  listLinkedAccounts(signal: AbortSignal): Promise<AbiquoResult<readonly LinkedAccount[]>>;
  /** Creates a standard enterprise whose default scope is the keynode's, then its AMAZON public credentials. */
  addLinkedAccount(account: NewLinkedAccount, signal: AbortSignal): Promise<AbiquoResult<LinkedAccount>>;
}

/** Runs the AWS checks in the service worker; checks stream through `onCheck` before the verdict resolves. */
export type VerifyFn = (input: SetupInput, onCheck: (check: Check) => void, signal: AbortSignal) => Promise<Verdict>;

export interface BillingServices {
  readonly t: Translate;
  readonly language: string;
  readonly verify: VerifyFn;
  readonly abiquo: AbiquoService;
}
