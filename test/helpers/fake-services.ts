/**
 * A fake `BillingServices` for component tests: `verify` streams realistic checks for a few scripted inputs
 * (keys and buckets below), and the Abiquo side keeps a property map, records every save and can be told to fail.
 * All keys here are obviously fake (they contain EXAMPLE).
 */
import type {PreviewRequest} from '../../src/preview/types.ts';
import type {Check, CheckStatus, DiscoveredReport, Facts, Identity, SetupInput, Verdict, VerifiedReport} from '../../src/aws/types.ts';
import type {CheckCode} from '../../src/aws/check-codes.ts';
import type {AbiquoCode, AbiquoResult} from '../../src/abiquo/codes.ts';
import type {AbiquoService, AddedAccount, ApplyPlan, ApplyReport, KeynodeState, LinkedAccount, NewLinkedAccount} from '../../src/abiquo/types.ts';
import type {BillingServices} from '../../src/components/services.ts';
import {createTranslator} from '../../src/shared/i18n.ts';
import {KEY_ID} from '../../src/shared/key-shapes.ts';
import {defineKeysInput, inPageKeyEntry} from '../../src/components/boa-keys-input/in-page-key-entry.ts';
import {err, ok} from '../../src/shared/result.ts';

export const PRICING_KEYS = {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'} as const;
/** The pricing key ID with a secret that AWS rejects. */
export const WRONG_SECRET_KEYS = {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEBAD'} as const;
export const LINKED_KEYS = {accessKeyId: 'AKIALINKEDEXAMPLE234', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'} as const;
/** Public-user keys that belong to the pricing (payer) account: a mistake the tab warns about. */
export const SAME_ACCOUNT_KEYS = {accessKeyId: 'AKIASAMEACCTEXAMPLE2', secretAccessKey: 'Zp9Utkh3yCo8nvbje7MtGbClwBF/2EXAMPLEKEYS'} as const;

export const PAYER_ACCOUNT = '123456789012';
export const LINKED_ACCOUNT = '210987654321';

/** Buckets the fake knows. */
export const BUCKETS = {
  good: 'billing-bucket',
  otherRegion: 'billing-frankfurt',
  noGet: 'billing-no-get',
  cur2: 'billing-cur2',
  /** A report is found and read, but lacks cost columns: a failed check next to a report. */
  columnsMissing: 'billing-columns-missing',
  /** A report set up today: nothing delivered yet. */
  awaiting: 'billing-awaiting',
} as const;

const REPORT: DiscoveredReport = {reportName: 'abiquo-cur', prefix: 'cur', layout: 'legacy', periods: ['20260101-20260201']};

const identities: Record<string, Identity> = {
  [PRICING_KEYS.accessKeyId]: identity(PAYER_ACCOUNT, 'abiquo-billing-user'),
  [LINKED_KEYS.accessKeyId]: identity(LINKED_ACCOUNT, 'abiquo-billing-user-public'),
  [SAME_ACCOUNT_KEYS.accessKeyId]: identity(PAYER_ACCOUNT, 'abiquo-billing-user-public'),
};
const secrets: Record<string, string> = Object.fromEntries(
  [PRICING_KEYS, LINKED_KEYS, SAME_ACCOUNT_KEYS].map((keys) => [keys.accessKeyId, keys.secretAccessKey]),
);

function identity(account: string, userName: string): Identity {
  return {account, userName, arn: `arn:aws:iam::${account}:user/${userName}`, userId: `AIDA${account}EXAMPLE`, isRoot: false};
}

const check = (code: CheckCode, status: CheckStatus, facts: Facts = {}, field?: Check['field']): Check => ({code, status, facts, ...(field ? {field} : {})});

/** What the engine would conclude for one input, check by check. */
function script(input: SetupInput): Omit<Verdict, 'requests'> {
  const {keys} = input;
  if (!KEY_ID.test(keys.accessKeyId)) {
    return {checks: [check('KEY_ID_MALFORMED', 'fail', {length: keys.accessKeyId.length}, 'accessKeyId')], reports: []};
  }
  const who = identities[keys.accessKeyId];
  if (!who || secrets[keys.accessKeyId] !== keys.secretAccessKey) {
    return {
      checks: [check('KEY_FORMAT_OK', 'pass', {accessKeyId: keys.accessKeyId}), check('AWS_SECRET_MISMATCH', 'fail', {}, 'secretAccessKey')],
      reports: [],
    };
  }
  const checks: Check[] = [
    check('KEY_FORMAT_OK', 'pass', {accessKeyId: keys.accessKeyId}),
    check('STS_IDENTITY_OK', 'pass', {userName: who.userName, account: who.account}),
  ];
  if (input.expectedUserName && who.userName !== input.expectedUserName) {
    checks.push(check('STS_UNEXPECTED_USER', 'warn', {userName: who.userName, expectedUserName: input.expectedUserName}));
  }
  if (!input.bucket) return {checks, identity: who, reports: []};
  const bucket = input.bucket.replace(/^s3:\/\//, '').split('/')[0]!;
  const known = Object.values(BUCKETS) as string[];
  if (!known.includes(bucket)) return {checks: [...checks, check('BUCKET_NOT_FOUND', 'fail', {bucket}, 'bucket')], identity: who, reports: []};
  const region = bucket === BUCKETS.otherRegion ? 'eu-central-1' : 'eu-west-1';
  checks.push(
    input.region && input.region !== region
      ? check('BUCKET_REGION_CORRECTED', 'warn', {bucket, region, given: input.region}, 'region')
      : check('BUCKET_REGION_OK', 'pass', {bucket, region}),
    check('S3_LIST_OK', 'pass', {bucket}),
  );
  const reports = [bucket === BUCKETS.cur2 ? {...REPORT, layout: 'cur2' as const, reportName: 'abiquo-export'} : REPORT];
  checks.push(check('REPORTS_FOUND', 'pass', {bucket, reports: reports.map((r) => r.reportName)}));
  const base = {identity: who, bucket, region, reports};
  if (bucket === BUCKETS.cur2) return {...base, checks: [...checks, check('CUR2_UNSUPPORTED', 'fail', {reportName: 'abiquo-export'}, 'reportName')]};
  if (!input.reportName) return {...base, checks: [...checks, check('REPORT_NOT_SELECTED', 'warn', {count: 1, reports: [REPORT.reportName]}, 'reportName')]};
  if (bucket === BUCKETS.awaiting) {
    const report: VerifiedReport = {
      bucket,
      region,
      prefix: input.prefix ?? REPORT.prefix,
      reportName: input.reportName,
      compression: 'GZIP',
      awaitingDelivery: true,
    };
    return {...base, checks: [...checks, check('DATA_NOT_YET', 'warn', {location: `s3://${bucket}/cur/${input.reportName}/`}, 'reportName')], report};
  }
  if (bucket === BUCKETS.noGet) {
    return {...base, checks: [...checks, check('S3_GET_PERMISSION_MISSING', 'fail', {arn: `arn:aws:s3:::${bucket}/cur/abiquo-cur/*`})]};
  }
  const report: VerifiedReport = {
    bucket,
    region,
    prefix: input.prefix ?? REPORT.prefix,
    reportName: input.reportName,
    compression: 'GZIP',
    payerAccount: PAYER_ACCOUNT,
    billingPeriod: '20260101-20260201',
    deliveredAt: '2026-01-15T06:00:00Z',
  };
  checks.push(
    check('MANIFEST_OK', 'pass', {reportName: report.reportName, compression: 'GZIP', payerAccount: PAYER_ACCOUNT}),
    bucket === BUCKETS.columnsMissing
      ? check('COLUMNS_MISSING', 'fail', {columns: ['lineItem/UnblendedCost']}, 'reportName')
      : check('COLUMNS_OK', 'pass', {count: 120}),
    check('DATA_DELIVERED', 'pass', {period: report.billingPeriod!, deliveredAt: report.deliveredAt!}),
  );
  return {...base, checks, report};
}

/** Resolves after `until` (a task later when absent), or rejects as soon as `signal` aborts. */
const tick = (signal: AbortSignal, until?: Promise<void>) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = until ? undefined : setTimeout(resolve);
    void until?.then(resolve);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), {once: true});
  });

/** A gate that calls wait on until it is opened. */
function gate(): {wait: Promise<void>; open: () => void} {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return {wait, open};
}

export interface FakeFailure {
  readonly code: AbiquoCode;
  readonly facts?: Readonly<Record<string, string | number>>;
}

type Method = Exclude<keyof AbiquoService, never>;

/** The Abiquo side: a property map, recorded writes, scripted failures. */
export class FakeAbiquo implements AbiquoService {
  properties: Record<string, string>;
  hasPricingCredentials: boolean;
  linked: LinkedAccount[];
  /** Credentials saved, in order (only key IDs are kept, to assert on). */
  readonly savedCredentials: string[] = [];
  readonly propertyWrites: Record<string, string>[] = [];
  readonly addedAccounts: NewLinkedAccount[] = [];
  /** The next call of a method answers this failure (once). */
  readonly failNext = new Map<Method, FakeFailure>();
  /** A step of the next Apply fails with this (the transaction then undoes what it wrote). */
  readonly failStep = new Map<'credentials' | 'undo', FakeFailure>();
  private readonly held = new Map<Method, Promise<void>>();

  constructor(
    private readonly keynode: Omit<KeynodeState, 'properties' | 'hasPricingCredentials'>,
    properties: Record<string, string>,
    linked: LinkedAccount[],
  ) {
    this.properties = {...properties};
    this.hasPricingCredentials = false;
    this.linked = [...linked];
  }

  /**
   * Holds calls of `method` (those under way and later ones) until the returned function is called; like a server
   * that already got the request, a held call ignores a Cancel.
   */
  hold(method: Method): () => void {
    const {wait, open} = gate();
    this.held.set(method, wait);
    return () => {
      this.held.delete(method);
      open();
    };
  }

  private async wait(method: Method): Promise<void> {
    await this.held.get(method);
  }

  private failure(method: Method): AbiquoResult<never> | undefined {
    const failure = this.failNext.get(method);
    if (!failure) return undefined;
    this.failNext.delete(method);
    return err(failure.code, failure.facts);
  }

  async loadKeynode(): Promise<AbiquoResult<KeynodeState>> {
    return this.failure('loadKeynode') ?? ok({...this.keynode, properties: {...this.properties}, hasPricingCredentials: this.hasPricingCredentials});
  }

  async readProperties(): Promise<AbiquoResult<Readonly<Record<string, string>>>> {
    await this.wait('readProperties');
    return this.failure('readProperties') ?? ok({...this.properties});
  }

  /** Like the real transaction: the properties, then the keys; a failure of the keys puts the properties back. */
  async applySetup(plan: ApplyPlan, signal: AbortSignal): Promise<ApplyReport> {
    await this.wait('applySetup');
    const stored = () => ({properties: {...this.properties}, hasPricingCredentials: this.hasPricingCredentials});
    // Cancelled before its first write: nothing to undo.
    if (signal.aborted) return {cancelled: true, credentialsSaved: false, stored: stored()};
    const failed = this.failure('applySetup');
    if (failed && !failed.ok) return {failure: {code: failed.code, ...(failed.facts ? {facts: failed.facts} : {})}, credentialsSaved: false, stored: stored()};
    const changedMeanwhile = Object.keys(plan.changes).filter((key) => this.properties[key] !== plan.loaded[key] && this.properties[key] !== plan.changes[key]);
    if (changedMeanwhile.length > 0)
      return {failure: {code: 'ABIQUO_CONFLICT', facts: {keys: changedMeanwhile.join(', ')}}, credentialsSaved: false, stored: stored()};
    const before = this.properties;
    if (Object.keys(plan.changes).length > 0) {
      this.properties = {...this.properties, ...plan.changes};
      this.propertyWrites.push({...plan.changes});
    }
    const keysFailure = this.failStep.get('credentials');
    if (plan.keys && keysFailure) {
      this.failStep.delete('credentials');
      const undoFailure = this.failStep.get('undo');
      if (undoFailure) return {failure: keysFailure, undoFailure, credentialsSaved: false, stored: stored()};
      this.properties = before;
      return {failure: keysFailure, credentialsSaved: false, stored: stored()};
    }
    if (plan.keys) {
      this.savedCredentials.push(plan.keys.accessKeyId);
      this.hasPricingCredentials = true;
    }
    return {credentialsSaved: Boolean(plan.keys), stored: stored()};
  }

  async listLinkedAccounts(): Promise<AbiquoResult<readonly LinkedAccount[]>> {
    return this.failure('listLinkedAccounts') ?? ok([...this.linked]);
  }

  /** Like the real client: an enterprise of that name without credentials is reused, one with them refused. */
  async addLinkedAccount(account: NewLinkedAccount): Promise<AbiquoResult<AddedAccount>> {
    await this.wait('addLinkedAccount');
    const failed = this.failure('addLinkedAccount');
    if (failed) return failed;
    const existing = this.linked.find((a) => a.name === account.name);
    if (existing?.hasAmazonCredentials) return err('ABIQUO_ACCOUNT_EXISTS', {name: account.name, enterpriseId: existing.enterpriseId});
    this.addedAccounts.push(account);
    const added: LinkedAccount = {
      enterpriseId: existing?.enterpriseId ?? 100 + this.linked.length,
      name: account.name,
      hasAmazonCredentials: true,
      awsAccountId: account.awsAccountId,
    };
    this.linked = [...this.linked.filter((a) => a !== existing), added];
    return ok({account: added, reused: existing !== undefined});
  }
}

export interface FakeOptions {
  readonly language?: string;
  readonly keyNode?: boolean;
  readonly properties?: Record<string, string>;
  readonly linked?: LinkedAccount[];
}

export interface Fake {
  readonly services: BillingServices;
  readonly abiquo: FakeAbiquo;
  /** Every input `verify` was called with, in order, and whether its run was aborted. */
  readonly verifyCalls: {input: SetupInput; aborted: boolean}[];
  /** Every request a billing preview was started with, in order; `addAccount` plays the frame's "Add account". */
  readonly previews: {request: PreviewRequest; addAccount: (accountId: string) => void}[];
  /**
   * Holds every verification, running or later, before its next check until the returned function is called (an
   * abort still ends a held one at once): what the tab does while a check is under way, without a race.
   */
  holdChecks(): () => void;
}

/** Other properties every fake enterprise has, which must survive every write. */
export const OTHER_PROPERTIES = {billing_contact: 'ops@example.com', cost_center: 'CC-42'};

export function fakeServices(options: FakeOptions = {}): Fake {
  // The key form, which the product shows in its own frame, in the test page itself.
  defineKeysInput();
  const abiquo = new FakeAbiquo(
    {
      enterprise: {id: 7, name: 'Acme billing', keyNode: options.keyNode ?? true, reseller: false},
      scope: {id: 3, name: 'Acme scope', computeResources: 0},
    },
    options.properties ?? {...OTHER_PROPERTIES},
    options.linked ?? [],
  );
  const verifyCalls: Fake['verifyCalls'] = [];
  const previews: Fake['previews'] = [];
  let checksHeld: ReturnType<typeof gate> | undefined;
  const services: BillingServices = {
    t: createTranslator(options.language ?? 'en'),
    language: options.language ?? 'en',
    abiquo,
    keyEntry: (onKeys) => inPageKeyEntry(createTranslator(options.language ?? 'en'), onKeys),
    // The product reads the report in its own frame; here the tab's side only: what it asked for.
    billingPreview: (onAddAccount) => ({
      element: Object.assign(document.createElement('div'), {className: 'fake-preview'}),
      start: (request) => void previews.push({request, addAccount: onAddAccount}),
      dispose: () => undefined,
    }),
    async verify(input, onCheck, signal) {
      const call = {input, aborted: false};
      verifyCalls.push(call);
      signal.addEventListener('abort', () => (call.aborted = true), {once: true});
      const verdict = script(input);
      for (const c of verdict.checks) {
        await tick(signal);
        while (checksHeld) await tick(signal, checksHeld.wait);
        onCheck(c);
      }
      return {...verdict, requests: verdict.checks.length};
    },
  };
  const holdChecks = () => {
    const held = (checksHeld ??= gate());
    return () => {
      if (checksHeld === held) checksHeld = undefined;
      held.open();
    };
  };
  return {services, abiquo, verifyCalls, previews, holdChecks};
}
