/** What the Abiquo client reads and writes for the tab, and the service it offers (`abiquo-service.ts`). */
import type {AwsKeys} from '../aws/types.ts';
import type {AbiquoCode, AbiquoResult} from './codes.ts';

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
  /**
   * Known once its keys went through the tab (checked with STS first): added, or matched with an enterprise that
   * already had credentials. Abiquo never gives it: it returns the access key ID obfuscated.
   */
  readonly awsAccountId?: string;
}

/**
 * Where the tab remembers each linked enterprise's AWS account across openings of the dialog (an account ID is no
 * secret; the tab shows it). Bound to one console.
 */
export interface AccountIdMemory {
  load(): Promise<ReadonlyMap<number, string>>;
  remember(enterpriseId: number, awsAccountId: string): Promise<void>;
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
   * they fail, unless `keepOnFailure`. When the enterprise already has credentials they are kept
   * (ABIQUO_ACCOUNT_EXISTS), and the keys' account is remembered as its own.
   */
  addLinkedAccount(account: NewLinkedAccount, signal: AbortSignal): Promise<AbiquoResult<AddedAccount>>;
}
