/**
 * The engine's public vocabulary: what the content script sends, and what comes back check by check.
 * Nothing here ever holds a secret except `AwsKeys`, which lives only for the length of one verification.
 */
import type {CheckCode} from './check-codes.ts';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** The form field a check is about, so the UI can put the message next to it. */
export type InputField = 'accessKeyId' | 'secretAccessKey' | 'bucket' | 'region' | 'prefix' | 'reportName';

export type FactValue = string | number | boolean | readonly string[];
export type Facts = Readonly<Record<string, FactValue>>;

/** One line of the checklist. `facts` fill the placeholders of the message `check_<code>` in every locale. */
export interface Check {
  readonly code: CheckCode;
  readonly status: CheckStatus;
  readonly field?: InputField;
  readonly facts: Facts;
}

export interface AwsKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** What the operator typed or pasted; everything but the keys is optional and refined by discovery. */
export interface SetupInput {
  readonly keys: AwsKeys;
  /** `abiquo-billing-user` for pricing keys, `abiquo-billing-user-public` for a linked account's keys. */
  readonly expectedUserName?: string;
  /** Bucket as typed: a name, `s3://bucket/prefix/`, an S3 console URL or a bucket ARN. Absent: keys only. */
  readonly bucket?: string;
  readonly region?: string;
  readonly prefix?: string;
  readonly reportName?: string;
}

export interface Identity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
  /** The IAM user name, or `root` for root-account keys. */
  readonly userName: string;
  readonly isRoot: boolean;
}

export type CurLayout = 'legacy' | 'cur2' | 'parquet';
export type Compression = 'GZIP' | 'ZIP';

/** A report found in the bucket by delimiter listings. */
export interface DiscoveredReport {
  readonly reportName: string;
  /** Without leading or trailing `/`; empty when the report sits at the bucket root. */
  readonly prefix: string;
  readonly layout: CurLayout;
  /** Billing-period folders (`yyyymmdd-yyyymmdd`), newest first; empty when nothing was delivered yet. */
  readonly periods: readonly string[];
  /** The exact S3 key prefix of the report folder (`cur/abiquo-hourly/`; `/name/` when AWS wrote a leading slash). */
  readonly folder?: string;
}

/** A legacy CUR whose newest manifest was read and checked. */
export interface VerifiedReport {
  readonly bucket: string;
  readonly region: string;
  readonly prefix: string;
  readonly reportName: string;
  readonly compression: Compression;
  readonly payerAccount?: string;
  /** `yyyymmdd-yyyymmdd` of the newest period, when any was delivered. */
  readonly billingPeriod?: string;
  /** ISO time of the newest manifest delivery. */
  readonly deliveredAt?: string;
  /** Set up, but nothing delivered yet: the values are known, the first data is not. */
  readonly awaitingDelivery?: boolean;
  /** The report folder's exact key prefix where it is not `<prefix>/<name>/`: AWS wrote it under a leading `/`. */
  readonly folder?: string;
}

export interface Verdict {
  readonly checks: readonly Check[];
  readonly identity?: Identity;
  readonly bucket?: string;
  readonly region?: string;
  readonly reports: readonly DiscoveredReport[];
  readonly report?: VerifiedReport;
  /** AWS requests sent, for the benchmark and support. */
  readonly requests: number;
}
