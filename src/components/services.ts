/**
 * What the tab's components are given to do their work. Components never call `chrome.*` or `fetch`:
 * the content script builds these services (Abiquo client over the console session, AWS checks through the
 * service worker) and tests pass fakes.
 */
import type {AwsKeys, Check, InputField, SetupInput, Verdict} from '../aws/types.ts';
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
  'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED', // enterprise kept without credentials (chosen, or its removal failed): facts.cause, facts.enterpriseId
  'ABIQUO_ACCOUNT_NOT_ADDED', // the credentials failed and the enterprise created for them was removed again: facts.cause
  'ABIQUO_PRIVILEGES_MISSING', // preflight: facts.privileges the session's role lacks; nothing was written
  'ABIQUO_NAME_TAKEN', // an enterprise outside this keynode's scope has the name: facts.name
  'ABIQUO_REDIRECTED', // a write was answered with a redirect: it was not re-sent anywhere
  'ABIQUO_READ_REDIRECTED', // a read was redirected to another origin (facts.to): its answer is not used
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
  /** Keep a newly created enterprise when its credentials fail (the operator's choice), instead of removing it. */
  readonly keepOnFailure?: boolean;
}

export interface AddedAccount {
  readonly account: LinkedAccount;
  /** An enterprise of that name without credentials existed in the scope and got them; else it was created. */
  readonly reused: boolean;
}

/** One Apply: the `amazon_*` values to write over those the operator was shown, and new pricing keys, if any. */
export interface ApplyPlan {
  readonly changes: Readonly<Record<string, string>>;
  readonly loaded: Readonly<Record<string, string>>;
  readonly keys?: AwsKeys;
}

/** How an Apply ended. All or nothing: on a failure or a Cancel, what it had written is undone. */
export interface ApplyReport {
  readonly failure?: {readonly code: AbiquoCode; readonly facts?: Readonly<Record<string, string | number>>};
  readonly cancelled?: boolean;
  /** The undo after a failure or Cancel failed too: some of this Apply's values may remain (`stored` says which). */
  readonly undoFailure?: {readonly code: AbiquoCode; readonly facts?: Readonly<Record<string, string | number>>};
  /** This Apply stored the pricing keys. */
  readonly credentialsSaved: boolean;
  /** The API re-read after the attempt; absent when that read failed. */
  readonly stored?: {readonly properties: Readonly<Record<string, string>>; readonly hasPricingCredentials: boolean};
}

/** Abiquo API access bound to the enterprise being edited. */
export interface AbiquoService {
  loadKeynode(signal: AbortSignal): Promise<AbiquoResult<KeynodeState>>;
  /** Only the properties, re-read (e.g. after the console's own Save). */
  readProperties(signal: AbortSignal): Promise<AbiquoResult<Readonly<Record<string, string>>>>;
  /**
   * Writes the plan all or nothing: a preflight of the session's privileges, the properties (over a fresh read,
   * other properties kept, ABIQUO_CONFLICT instead of overwriting someone else's change), then the pricing keys;
   * any failure or Cancel undoes what was written. The report is read back from the API.
   */
  applySetup(plan: ApplyPlan, signal: AbortSignal): Promise<ApplyReport>;
  listLinkedAccounts(signal: AbortSignal): Promise<AbiquoResult<readonly LinkedAccount[]>>;
  /**
   * Creates (or reuses, when one of that name without credentials is in the scope) a standard enterprise whose
   * default scope is the keynode's, then its AMAZON public credentials; a created enterprise is removed again if
   * they fail, unless `keepOnFailure`.
   */
  addLinkedAccount(account: NewLinkedAccount, signal: AbortSignal): Promise<AbiquoResult<AddedAccount>>;
}

/** Runs the AWS checks in the service worker; checks stream through `onCheck` before the verdict resolves. */
export type VerifyFn = (input: SetupInput, onCheck: (check: Check) => void, signal: AbortSignal) => Promise<Verdict>;

/** What the keys form shows, set by the component that owns it. */
export interface KeyEntryState {
  readonly heading: string;
  readonly note?: string;
  readonly errors: Partial<Record<InputField, string>>;
  readonly accepted: boolean;
  /** The IAM user the keys should belong to: from a CSV of several users, that user's row is taken. */
  readonly expectedUserName?: string;
}

/**
 * Where an access key pair is typed, pasted or dropped. In the product an extension-origin frame: the secret
 * never enters the console's DOM or events, and reaches the tab only through the extension.
 */
export interface KeyEntry {
  /** The element to place in the form. */
  readonly element: HTMLElement;
  update(state: KeyEntryState): void;
  /** Empties the fields and forgets the secret. */
  clear(): void;
  focus(): void;
  dispose(): void;
}

export interface BillingServices {
  readonly t: Translate;
  readonly language: string;
  readonly verify: VerifyFn;
  readonly abiquo: AbiquoService;
  /** A new key-entry form; `onKeys` gets every pair entered (undefined when the fields are emptied). */
  readonly keyEntry: (onKeys: (keys: AwsKeys | undefined) => void) => KeyEntry;
}
