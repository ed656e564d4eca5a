/**
 * One period's report files in S3: the period's manifest names them (`reportKeys`), HeadObject gives their sizes
 * (for the progress bar: the legacy manifest has none), GetObject streams each when its turn comes.
 */
import {GetObjectCommand, HeadObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import {classifyAwsError} from '../aws/aws-errors.ts';
import {manifestKey} from '../aws/checks/manifest.ts';
import type {Compression} from '../aws/types.ts';
import {err, ok, type Result} from '../shared/result.ts';
import {PreviewError} from './preview-error.ts';
import type {PreviewFailureCode, ReportFile, ReportSource} from './types.ts';

/** A verified legacy report and the period to read (its newest complete one). */
export interface S3Report {
  readonly bucket: string;
  readonly prefix: string;
  readonly reportName: string;
  /** The report folder's exact key prefix, when discovery found it (see DiscoveredReport). */
  readonly folder?: string;
  readonly billingPeriod: string;
  readonly compression: Compression;
}

export async function s3ReportSource(s3: S3Client, report: S3Report, signal?: AbortSignal): Promise<Result<ReportSource, PreviewFailureCode>> {
  const {bucket, billingPeriod: period} = report;
  const key = manifestKey(
    {
      reportName: report.reportName,
      prefix: report.prefix,
      layout: 'legacy',
      periods: [period],
      ...(report.folder !== undefined ? {folder: report.folder} : {}),
    },
    period,
  );
  const options = signal ? {abortSignal: signal} : {};
  let text: string;
  try {
    const out = await s3.send(new GetObjectCommand({Bucket: bucket, Key: key}), options);
    text = (await out.Body?.transformToString()) ?? '';
  } catch (error) {
    return failed(readFailure(error, bucket, key), signal);
  }
  const reportKeys = reportKeysOf(text);
  if (!reportKeys) return err('PREVIEW_CORRUPT', {key});
  if (reportKeys.length === 0) return err('PREVIEW_NO_DATA', {period});
  const sizes = await Promise.allSettled(
    reportKeys.map(async (fileKey) => (await s3.send(new HeadObjectCommand({Bucket: bucket, Key: fileKey}), options)).ContentLength),
  );
  const refused = sizes.findIndex((size) => size.status === 'rejected');
  // A file that cannot be looked at cannot be read either: say so before reading the others.
  if (refused >= 0) return failed(readFailure((sizes[refused] as PromiseRejectedResult).reason, bucket, reportKeys[refused]!, true), signal);
  const files = reportKeys.map((fileKey, i): ReportFile => {
    const size = (sizes[i] as PromiseFulfilledResult<number | undefined>).value;
    return {key: fileKey, ...(size !== undefined ? {size} : {}), open: (fileSignal) => openFile(s3, bucket, fileKey, fileSignal)};
  });
  return ok({period, compression: report.compression, files});
}

/** The manifest's `reportKeys` (each a string), or nothing when it is not such a manifest. */
function reportKeysOf(text: string): string[] | undefined {
  try {
    const keys = (JSON.parse(text) as {reportKeys?: unknown} | null)?.reportKeys;
    return Array.isArray(keys) && keys.every((k) => typeof k === 'string') ? keys : undefined;
  } catch {
    return undefined;
  }
}

async function openFile(s3: S3Client, bucket: string, key: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  let out;
  try {
    out = await s3.send(new GetObjectCommand({Bucket: bucket, Key: key}), {abortSignal: signal});
  } catch (error) {
    throw readFailure(error, bucket, key);
  }
  if (!out.Body) throw new PreviewError('PREVIEW_READ_FAILED', {bucket, key, error: 'EmptyBody'});
  return out.Body.transformToWebStream();
}

/** HEAD answers have no body, hence no error code: their status says it (see aws-errors.ts). */
function readFailure(error: unknown, bucket: string, key: string, isHead = false): PreviewError {
  const failure = classifyAwsError(error, isHead);
  if (failure.kind === 'aborted') return new PreviewError('PREVIEW_CANCELLED');
  if (failure.kind === 'accessDenied') return new PreviewError('PREVIEW_READ_DENIED', {bucket, key});
  return new PreviewError('PREVIEW_READ_FAILED', {bucket, key, error: failure.name, ...(failure.status ? {status: String(failure.status)} : {})});
}

const failed = (failure: PreviewError, signal: AbortSignal | undefined): Result<never, PreviewFailureCode> =>
  signal?.aborted ? err('PREVIEW_CANCELLED') : err(failure.code, failure.facts);
