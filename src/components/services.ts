/**
 * What the tab's components are given to do their work. Components never call `chrome.*` or `fetch`:
 * the content script builds these services (Abiquo client over the console session, AWS checks through the
 * service worker) and tests pass fakes.
 */
import type {PreviewRequest} from '../preview/types.ts';
import type {AbiquoService} from '../abiquo/types.ts';
import type {AwsKeys, Check, InputField, SetupInput, Verdict} from '../aws/types.ts';
import type {Translate} from '../shared/i18n.ts';

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
  /** A new billing preview; `onAddAccount` gets the AWS account the operator wants to add as a linked account. */
  readonly billingPreview: (onAddAccount: (accountId: string) => void) => BillingPreviewView;
}

/** The billing preview placed in the tab: it reads the report (again) for each request. */
export interface BillingPreviewView {
  readonly element: HTMLElement;
  start(request: PreviewRequest): void;
  /** Stops reading and forgets the request (and the keys in it). */
  dispose(): void;
}
