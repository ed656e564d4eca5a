/**
 * Reads the newest period-level manifest of a legacy CUR (`<folder><period>/<name>-Manifest.json`, which AWS
 * overwrites on every delivery) and checks what Abiquo depends on: CSV, GZIP or ZIP, the names, the columns.
 */
import {GetObjectCommand, ListObjectsV2Command} from '@aws-sdk/client-s3';
import {classifyAwsError} from '../aws-errors.ts';
import {failureCheck, sendOptions, type CheckContext} from './check-context.ts';
import type {Check, Compression, DiscoveredReport, VerifiedReport} from '../types.ts';

/** Columns Abiquo's billing reads: both costs, the usage and payer accounts, the usage start, the product. */
export const requiredColumns = [
  'lineItem/UnblendedCost',
  'lineItem/BlendedCost',
  'lineItem/UsageAccountId',
  'bill/PayerAccountId',
  'lineItem/UsageStartDate',
  'product/ProductName',
] as const;

interface Manifest {
  reportName?: unknown;
  bucket?: unknown;
  account?: unknown;
  compression?: unknown;
  contentType?: unknown;
  columns?: unknown;
  billingPeriod?: {start?: unknown; end?: unknown};
}

export interface ManifestOutcome {
  readonly checks: Check[];
  readonly compression?: Compression;
  readonly payerAccount?: string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Pure: the checks on a manifest's content against the bucket and report it was found under. */
export function checkManifestContent(manifest: Manifest, expected: {bucket: string; reportName: string}): ManifestOutcome {
  const checks: Check[] = [];
  const compressionValue = str(manifest.compression);
  const contentType = str(manifest.contentType);
  const reportName = str(manifest.reportName);
  const bucket = str(manifest.bucket);
  if (/parquet/i.test(compressionValue) || /parquet/i.test(contentType)) {
    return {checks: [{code: 'PARQUET_UNSUPPORTED', status: 'fail', field: 'reportName', facts: {reportName: expected.reportName}}]};
  }
  if (reportName && reportName !== expected.reportName) {
    checks.push({code: 'MANIFEST_NAME_MISMATCH', status: 'fail', field: 'reportName', facts: {reportName: expected.reportName, found: reportName}});
  }
  if (bucket && bucket !== expected.bucket) {
    checks.push({code: 'MANIFEST_BUCKET_MISMATCH', status: 'warn', field: 'bucket', facts: {bucket: expected.bucket, found: bucket}});
  }
  const compression = compressionValue === 'GZIP' || compressionValue === 'ZIP' ? compressionValue : undefined;
  if (!compression) checks.push({code: 'COMPRESSION_UNSUPPORTED', status: 'fail', field: 'reportName', facts: {compression: compressionValue || '—'}});
  if (contentType !== 'text/csv')
    checks.push({code: 'CONTENT_TYPE_UNSUPPORTED', status: 'fail', field: 'reportName', facts: {contentType: contentType || '—'}});
  const columns = Array.isArray(manifest.columns)
    ? manifest.columns.map((c: {category?: unknown; name?: unknown}) => `${str(c?.category)}/${str(c?.name)}`)
    : [];
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  checks.push(
    missing.length > 0
      ? {code: 'COLUMNS_MISSING', status: 'fail', field: 'reportName', facts: {columns: missing}}
      : {code: 'COLUMNS_OK', status: 'pass', facts: {count: columns.length}},
  );
  const payerAccount = str(manifest.account) || undefined;
  if (compression && checks.every((c) => c.status !== 'fail')) {
    checks.unshift({
      code: 'MANIFEST_OK',
      status: 'pass',
      field: 'reportName',
      facts: {reportName: expected.reportName, compression, payerAccount: payerAccount ?? '—'},
    });
  }
  return {checks, ...(compression ? {compression} : {}), ...(payerAccount ? {payerAccount} : {})};
}

export function manifestKey(found: DiscoveredReport, period: string): string {
  const folder = found.folder ?? `${found.prefix ? `${found.prefix}/` : ''}${found.reportName}/`;
  return `${folder}${period}/${found.reportName}-Manifest.json`;
}

export interface ReadManifestOutcome {
  readonly checks: Check[];
  readonly report?: VerifiedReport;
}

/**
 * Reads the manifest of the newest period; while AWS is still delivering that one (its folder has no period-level
 * manifest yet, only assembly folders or nothing), the previous, complete period is read instead and that is said.
 * A report whose only period is still being delivered is waiting for its first delivery: not a wrong name.
 */
export async function readManifest(bucket: string, region: string, found: DiscoveredReport, context: CheckContext): Promise<ReadManifestOutcome> {
  const [newest, previous] = found.periods;
  if (!newest) return {checks: []};
  const first = await readPeriod(bucket, region, found, newest, context);
  if (first.kind !== 'missing') return first.outcome;
  // A manifest under another name (another case) is a wrong name, not a delivery in progress.
  const other = await otherManifest(bucket, region, `${folderOf(found)}${newest}/`, context);
  if (other) return {checks: [{code: 'MANIFEST_NOT_FOUND', status: 'fail', field: 'reportName', facts: {...first.facts, found: other}}]};
  if (!previous)
    return {checks: [{code: 'DATA_NOT_YET', status: 'warn', field: 'reportName', facts: {...first.facts, location: `s3://${bucket}/${folderOf(found)}`}}]};
  const second = await readPeriod(bucket, region, found, previous, context);
  if (second.kind === 'missing') return {checks: [{code: 'MANIFEST_NOT_FOUND', status: 'fail', field: 'reportName', facts: second.facts}]};
  const inProgress: Check = {code: 'PERIOD_IN_PROGRESS', status: 'pass', facts: {period: newest, checked: previous}};
  return {...second.outcome, checks: [inProgress, ...second.outcome.checks]};
}

/** The name of a period-level `…-Manifest.json` in `folder`, if one is there (a failed listing says nothing). */
async function otherManifest(bucket: string, region: string, folder: string, context: CheckContext): Promise<string | undefined> {
  try {
    const out = await context.clients
      .forRegion(region)
      .s3.send(new ListObjectsV2Command({Bucket: bucket, Prefix: folder, Delimiter: '/', MaxKeys: 100}), sendOptions(context));
    return (out.Contents ?? []).map((o) => o.Key?.slice(folder.length) ?? '').find((name) => name.endsWith('-Manifest.json'));
  } catch {
    return undefined;
  }
}

const folderOf = (found: DiscoveredReport) => found.folder ?? `${found.prefix ? `${found.prefix}/` : ''}${found.reportName}/`;

type PeriodRead = {readonly kind: 'missing'; readonly facts: Record<string, string>} | {readonly kind: 'read'; readonly outcome: ReadManifestOutcome};

async function readPeriod(bucket: string, region: string, found: DiscoveredReport, period: string, context: CheckContext): Promise<PeriodRead> {
  const key = manifestKey(found, period);
  const facts = {bucket, prefix: found.prefix, reportName: found.reportName, key, arn: `arn:aws:s3:::${bucket}/${folderOf(found)}*`};
  const done = (checks: Check[]): PeriodRead => ({kind: 'read', outcome: {checks}});
  let text: string;
  let lastModified: Date | undefined;
  try {
    const out = await context.clients.forRegion(region).s3.send(new GetObjectCommand({Bucket: bucket, Key: key}), sendOptions(context));
    text = (await out.Body?.transformToString()) ?? '';
    lastModified = out.LastModified;
  } catch (error) {
    const failure = classifyAwsError(error);
    if (failure.kind === 'aborted') return done([]);
    if (failure.kind === 'noSuchKey') return {kind: 'missing', facts};
    if (failure.kind === 'accessDenied') return done([{code: 'S3_GET_PERMISSION_MISSING', status: 'fail', field: 'prefix', facts}]);
    return done([failureCheck(failure, 'GetObject', 'reportName')]);
  }
  let manifest: Manifest;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object');
    manifest = parsed as Manifest;
  } catch {
    return done([{code: 'MANIFEST_INVALID', status: 'fail', field: 'reportName', facts}]);
  }
  const outcome = checkManifestContent(manifest, {bucket, reportName: found.reportName});
  const deliveredAt = lastModified?.toISOString();
  const checks = [...outcome.checks, {code: 'DATA_DELIVERED', status: 'pass', facts: {period, deliveredAt: deliveredAt ?? '—'}} satisfies Check];
  if (!outcome.compression || outcome.checks.some((c) => c.status === 'fail')) return done(checks);
  return {
    kind: 'read',
    outcome: {
      checks,
      report: {
        bucket,
        region,
        prefix: found.prefix,
        reportName: found.reportName,
        compression: outcome.compression,
        billingPeriod: period,
        ...(outcome.payerAccount ? {payerAccount: outcome.payerAccount} : {}),
        ...(deliveredAt ? {deliveredAt} : {}),
        // Only where it is not the usual one: who reads the report's files (the preview) must find them there.
        ...(found.folder?.startsWith('/') ? {folder: found.folder} : {}),
      },
    },
  };
}
