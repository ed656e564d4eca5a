/**
 * The billing preview's vocabulary: the report files of one period, how far the reading got, what it found per AWS
 * account, and how that matches the keynode's linked enterprises. Runtime-neutral (browser page, Node CLI, bench).
 */
import type {AwsKeys, Compression} from '../aws/types.ts';

/** `amazon_mpa` dedicated → blended costs; shared or absent → unblended. */
export type CostBasis = 'blended' | 'unblended';

/** One report file (`reportKeys` of the period's manifest), opened as a byte stream when its turn comes. */
export interface ReportFile {
  readonly key: string;
  /** Bytes as stored (compressed); from S3's Content-Length, for the progress bar. */
  readonly size?: number;
  readonly open: (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;
}

/** What one preview reads: the newest complete period's files, in the manifest's order. */
export interface ReportSource {
  /** `yyyymmdd-yyyymmdd`. */
  readonly period: string;
  readonly compression: Compression;
  readonly files: readonly ReportFile[];
}

export interface PreviewProgress {
  /** Compressed bytes read so far, over all files. */
  readonly bytesRead: number;
  readonly bytesTotal?: number;
  readonly rows: number;
  readonly elapsedMs: number;
  /** Estimated from the bytes read and the time taken; absent until it means something. */
  readonly remainingMs?: number;
}

export interface ServiceCost {
  /** `product/ProductName`, else `lineItem/ProductCode`. */
  readonly service: string;
  readonly cost: number;
}

/** Cost is the sum of every line item's cost in the chosen basis; credits, refunds and taxes are also given apart. */
export interface AccountCost {
  /** `lineItem/UsageAccountId`. */
  readonly accountId: string;
  readonly cost: number;
  /** Usage and fees: everything but credits, refunds and taxes. */
  readonly usage: number;
  readonly credits: number;
  readonly refunds: number;
  readonly taxes: number;
  /** Most costly first. */
  readonly services: readonly ServiceCost[];
}

export interface BillingPreview {
  readonly period: string;
  readonly basis: CostBasis;
  /** `lineItem/CurrencyCode` (the first one met; `mixedCurrencies` says when there were others). */
  readonly currency: string;
  readonly mixedCurrencies: boolean;
  readonly total: number;
  readonly usage: number;
  readonly credits: number;
  readonly refunds: number;
  readonly taxes: number;
  /** Most costly first. */
  readonly accounts: readonly AccountCost[];
  /** The latest `lineItem/UsageEndDate` met, ISO. */
  readonly lastUsageHour?: string;
  /** `bill/PayerAccountId` (the first met): the keynode's own account when the manifest does not name it. */
  readonly payerAccount?: string;
  readonly rows: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/** Expected ends of a preview that found nothing to show; `facts` fill `preview_<code>` messages. */
export type PreviewFailureCode =
  'PREVIEW_CANCELLED' | 'PREVIEW_CORRUPT' | 'PREVIEW_TRUNCATED' | 'PREVIEW_NO_COST_COLUMN' | 'PREVIEW_NO_DATA' | 'PREVIEW_READ_DENIED' | 'PREVIEW_READ_FAILED';

export interface PreviewFailure {
  readonly code: PreviewFailureCode;
  readonly facts: Readonly<Record<string, string>>;
}

/** A linked enterprise as the tab knows it; its AWS account is known only when the tab added it (or was told). */
export interface LinkedEnterprise {
  readonly enterpriseId: number;
  readonly name: string;
  readonly awsAccountId?: string;
}

/** One line of the reconciliation. The payer's own account is billed to the keynode itself. */
export type ReconciledLine =
  | {readonly kind: 'keynode'; readonly account: AccountCost}
  | {readonly kind: 'billed'; readonly account: AccountCost; readonly enterprise: LinkedEnterprise}
  | {readonly kind: 'unbilled'; readonly account: AccountCost}
  | {readonly kind: 'idle'; readonly enterprise: LinkedEnterprise};

/** The report the tab verified, as the preview reads it: the newest complete period's files. */
export interface PreviewedReport {
  readonly bucket: string;
  readonly region: string;
  readonly prefix: string;
  readonly reportName: string;
  readonly billingPeriod: string;
  readonly compression: Compression;
  /** Where AWS wrote the report under a leading `/` (VerifiedReport.folder). */
  readonly folder?: string;
}

/** Everything one preview needs; the keys are the pricing keys the tab holds (never stored, never in the DOM). */
export interface PreviewRequest {
  readonly keys: AwsKeys;
  readonly report: PreviewedReport;
  readonly basis: CostBasis;
  readonly payerAccount?: string;
  readonly linked: readonly LinkedEnterprise[];
}
