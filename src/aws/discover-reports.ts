/**
 * Finds the cost reports in a bucket with delimiter listings only, one level at a time, so the cost depends on
 * the folder structure, never on the number of objects: a folder holding 100,000 files is one listing page.
 * Bounded in depth, requests and pages. Recognises legacy CUR (`<prefix>/<name>/yyyymmdd-yyyymmdd/`),
 * CUR 2.0 (`<name>/data/` + `<name>/metadata/`) and Athena/Parquet (`<name>/<name>/year=…/`).
 */
import {ListObjectsV2Command} from '@aws-sdk/client-s3';
import {classifyAwsError, type AwsFailure} from './aws-errors.ts';
import type {CheckContext} from './checks/check-context.ts';
import type {CurLayout, DiscoveredReport} from './types.ts';

export interface DiscoveryOptions {
  /** Folders (ending in `/`) to list in the first round besides the root, e.g. the path the operator typed. */
  readonly hints?: readonly string[];
  readonly maxDepth?: number;
  readonly maxRequests?: number;
  /** Called as soon as a report is recognised, so its manifest can be read before discovery ends. */
  readonly onReport?: (report: DiscoveredReport) => void;
  /** Called when a listing learns that the bucket is in another region than guessed. */
  readonly onRegion?: (region: string) => void;
}

export interface Discovery {
  readonly reports: DiscoveredReport[];
  /** At least one listing succeeded (the user may list the bucket). */
  readonly listed: boolean;
  /** Folders holding AWS's `aws-programmatic-access-test-object`: a report was set up here, nothing delivered yet. */
  readonly pendingFolders: string[];
  readonly failures: AwsFailure[];
  /** The region the listings ended up signed for (a wrong guess is corrected from `x-amz-bucket-region`). */
  readonly region: string;
  readonly requests: number;
  /** The bounds stopped the walk before every folder was seen. */
  readonly truncated: boolean;
}

const PERIOD = /^\d{8}-\d{8}\/$/;
const PARTITION_YEAR = /^year=\d{4}\/$/;
const ACCESS_TEST_OBJECT = 'aws-programmatic-access-test-object';
// Folders that never hold reports: don't spend requests on them.
const NOT_REPORTS = /^(?:cost_and_usage_data_status|\d{4}|AWSLogs|data|metadata)\/$/;

export interface FolderListing {
  readonly folder: string;
  readonly children: readonly string[];
  readonly keys: readonly string[];
}

function splitFolder(folder: string): {parent: string; name: string} {
  const trimmed = folder.replace(/\/$/, '');
  const at = trimmed.lastIndexOf('/');
  return {parent: trimmed.slice(0, at + 1), name: trimmed.slice(at + 1)};
}

const withoutSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

function report(folder: string, layout: CurLayout, periods: string[] = []): DiscoveredReport {
  const {parent, name} = splitFolder(folder);
  return {reportName: name, prefix: withoutSlashes(parent), layout, periods, folder};
}

/** Pure: what one listing says about its folder, and which subfolders are worth listing next. */
export function classifyFolder({folder, children}: FolderListing): {report?: DiscoveredReport; next: string[]} {
  const relative = children.map((child) => child.slice(folder.length));
  const periods = relative.filter((c) => PERIOD.test(c)).map((c) => c.slice(0, -1)).sort().reverse();
  if (periods.length > 0) return {report: report(folder, 'legacy', periods), next: []};
  if (relative.includes('data/') && relative.includes('metadata/')) return {report: report(folder, 'cur2'), next: []};
  if (folder && relative.some((c) => PARTITION_YEAR.test(c))) {
    // Athena layout repeats the name: `<prefix>/<name>/<name>/year=…`; report the outer folder.
    const {parent, name} = splitFolder(folder);
    const outer = parent.endsWith(`${name}/`) ? parent : folder;
    return {report: report(outer, 'parquet'), next: []};
  }
  const {name} = splitFolder(folder);
  if (folder && relative.includes(`${name}/`) && relative.includes('cost_and_usage_data_status/')) {
    return {report: report(folder, 'parquet'), next: []};
  }
  return {next: children.filter((child) => !NOT_REPORTS.test(child.slice(folder.length)))};
}

async function listFolder(bucket: string, folder: string, region: string, context: CheckContext): Promise<FolderListing> {
  const {s3} = context.clients.forRegion(region);
  const out = await s3.send(new ListObjectsV2Command({Bucket: bucket, Prefix: folder, Delimiter: '/', MaxKeys: 1000}), {abortSignal: context.signal});
  return {
    folder,
    children: (out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])),
    keys: (out.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])),
  };
}

export async function discoverReports(bucket: string, guessRegion: string, context: CheckContext, options: DiscoveryOptions = {}): Promise<Discovery> {
  const {hints = [], maxDepth = 6, maxRequests = 40, onReport, onRegion} = options;
  let region = guessRegion;
  let requests = 0;
  let truncated = false;
  let listed = false;
  const reports = new Map<string, DiscoveredReport>();
  const pendingFolders: string[] = [];
  const failures: AwsFailure[] = [];
  const seen = new Set<string>();

  // One listing, corrected once for the bucket's real region if the guess was wrong.
  const list = async (folder: string): Promise<FolderListing | undefined> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      requests++;
      try {
        const listing = await listFolder(bucket, folder, region, context);
        listed = true;
        return listing;
      } catch (error) {
        const failure = classifyAwsError(error);
        // Parallel listings can all hit the wrong region: each retries once in the region S3 names.
        if (failure.kind === 'wrongRegion' && failure.bucketRegion && attempt === 0) {
          if (failure.bucketRegion !== region) onRegion?.(failure.bucketRegion);
          region = failure.bucketRegion;
          continue;
        }
        failures.push(failure);
        return undefined;
      }
    }
    return undefined;
  };

  let frontier = ['', ...hints.filter((h) => h !== '')];
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    const batch = frontier.filter((folder) => !seen.has(folder));
    const allowed = batch.slice(0, Math.max(0, maxRequests - requests));
    if (allowed.length < batch.length) truncated = true;
    allowed.forEach((folder) => seen.add(folder));
    const listings = await Promise.all(allowed.map(list));
    if (context.signal?.aborted) break;
    frontier = [];
    for (const listing of listings) {
      if (!listing) continue;
      if (listing.keys.some((key) => key.slice(listing.folder.length) === ACCESS_TEST_OBJECT)) pendingFolders.push(listing.folder);
      const {report: found, next} = classifyFolder(listing);
      if (found && !reports.has(found.folder!)) {
        reports.set(found.folder!, found);
        onReport?.(found);
      }
      frontier.push(...next);
    }
    if (depth === maxDepth && frontier.length > 0) truncated = true;
  }
  return {reports: [...reports.values()], listed, pendingFolders, failures, region, requests, truncated};
}
