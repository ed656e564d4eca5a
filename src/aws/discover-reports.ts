/**
 * Finds the cost reports in a bucket with delimiter listings only, one level at a time (a round trip per level),
 * so the cost depends on the folder structure, never on the number of objects: a folder of 100,000 loose files
 * costs at most `maxPages` listings. Where the operator said the report is, only that path is listed. Otherwise the
 * walk starts at the root, folders named like reports first, and stops at `maxRequests` (40) listings, depth 6:
 * a walk cut short says how far it got (`cut`), so that "not found" is never claimed for folders not searched.
 * Recognises legacy CUR (`<prefix>/<name>/yyyymmdd-yyyymmdd/`, a leading `/` when the prefix is empty),
 * CUR 2.0 (`<name>/data/` + `<name>/metadata/`) and Athena/Parquet (`<name>/<name>/year=…/`).
 */
import {ListObjectsV2Command} from '@aws-sdk/client-s3';
import {classifyAwsError, type AwsFailure} from './aws-errors.ts';
import {sendOptions, type CheckContext} from './checks/check-context.ts';
import type {CurLayout, DiscoveredReport} from './types.ts';

export interface DiscoveryOptions {
  /**
   * Folders (ending in `/`) where the operator says the report is, e.g. `cur/abiquo-hourly/` and its parent: listed
   * alone, in one round. The walk from the root runs only when `enough` does not accept what they held.
   */
  readonly direct?: readonly string[];
  /** A folder the operator typed (`cur/`): the walk starts there, and from the root only when it holds no report. */
  readonly within?: string;
  /** Whether the reports found so far answer the question (the one asked for is among them). */
  readonly enough?: (reports: readonly DiscoveredReport[]) => boolean;
  readonly maxDepth?: number;
  /** The bound on listing requests (pages included), whatever the bucket holds. */
  readonly maxRequests?: number;
  /** Listing pages read per folder: a folder of 100,000 loose objects costs this, not 100. */
  readonly maxPages?: number;
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
  /** How far the walk got when a bound stopped it: folders listed, and folders seen but not (fully) listed. */
  readonly cut?: {readonly listedFolders: number; readonly unlistedFolders: number};
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
  const periods = relative
    .filter((c) => PERIOD.test(c))
    .map((c) => c.slice(0, -1))
    .sort()
    .reverse();
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

/**
 * Delimiter listings of one folder, page after page up to `maxPages` while `more()` allows another request;
 * `complete` is false when S3 had more.
 */
async function listFolder(
  bucket: string,
  folder: string,
  region: string,
  maxPages: number,
  more: () => boolean,
  context: CheckContext,
): Promise<FolderListing & {complete: boolean}> {
  const {s3} = context.clients.forRegion(region);
  const children: string[] = [];
  const keys: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages && (page === 0 || more()); page++) {
    const out = await s3.send(
      new ListObjectsV2Command({Bucket: bucket, Prefix: folder, Delimiter: '/', MaxKeys: 1000, ...(token ? {ContinuationToken: token} : {})}),
      sendOptions(context),
    );
    children.push(...(out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])));
    keys.push(...(out.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (!token) return {folder, children, keys, complete: true};
  }
  return {folder, children, keys, complete: false};
}

// Where operators keep reports: such folders are listed first, and deeper, when the bound cannot reach every one.
const LIKELY = /cur|cost|bill|report|usage/i;
/** Requests kept, in every round, for going deeper below the folders that looked most like reports. */
const RESERVE = 8;

export async function discoverReports(bucket: string, guessRegion: string, context: CheckContext, options: DiscoveryOptions = {}): Promise<Discovery> {
  const {direct = [], within, enough = () => false, maxDepth = 6, maxRequests = 40, maxPages = 2, onReport, onRegion} = options;
  let region = guessRegion;
  let requests = 0;
  let listed = false;
  let unlisted = 0;
  const reports = new Map<string, DiscoveredReport>();
  const pendingFolders: string[] = [];
  const failures: AwsFailure[] = [];
  const seen = new Set<string>();
  const below = new Map<string, readonly string[]>();

  // A further page of a folder already being listed counts against the same bound.
  const anotherPage = () => {
    if (requests >= maxRequests) return false;
    requests++;
    return true;
  };

  // One folder, corrected once for the bucket's real region if the guess was wrong.
  const list = async (folder: string): Promise<FolderListing | undefined> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        requests++;
        const listing = await listFolder(bucket, folder, region, maxPages, anotherPage, context);
        listed = true;
        if (!listing.complete) unlisted++;
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

  /** Lists a round of folders in parallel, within the bound; returns the subfolders worth listing next. */
  const round = async (folders: readonly string[]): Promise<string[]> => {
    const unique = [...new Set(folders)];
    // A folder listed in an earlier round (the direct one) is not listed again; the walk goes on below it.
    const next = unique.flatMap((folder) => below.get(folder) ?? []);
    const batch = unique.filter((folder) => !seen.has(folder));
    const likely = batch.filter((folder) => LIKELY.test(folder));
    const others = batch.filter((folder) => !LIKELY.test(folder));
    const budget = Math.max(0, maxRequests - requests);
    const allowed = [...likely.slice(0, budget), ...others.slice(0, Math.max(0, budget - likely.length - RESERVE))];
    unlisted += batch.length - allowed.length;
    allowed.forEach((folder) => seen.add(folder));
    for (const listing of await Promise.all(allowed.map(list))) {
      if (!listing) continue;
      if (listing.keys.some((key) => key.slice(listing.folder.length) === ACCESS_TEST_OBJECT)) pendingFolders.push(listing.folder);
      const {report: found, next: deeper} = classifyFolder(listing);
      if (found && !reports.has(found.folder!)) {
        reports.set(found.folder!, found);
        onReport?.(found);
      }
      below.set(listing.folder, deeper);
      next.push(...deeper);
    }
    return next;
  };

  // A cut matters only while the answer is not among what was found.
  const done = (): Discovery => {
    const found = [...reports.values()];
    const cut = unlisted > 0 && !enough(found) ? {cut: {listedFolders: seen.size, unlistedFolders: unlisted}} : {};
    return {reports: found, listed, pendingFolders, failures, region, requests, ...cut};
  };

  const walk = async (from: string): Promise<void> => {
    let frontier = [from];
    for (let depth = 0; depth <= maxDepth && frontier.length > 0 && !context.signal?.aborted; depth++) {
      frontier = await round(frontier);
      if (depth === maxDepth) unlisted += frontier.filter((folder) => !seen.has(folder)).length;
    }
  };
  const answered = () => enough([...reports.values()]) || Boolean(context.signal?.aborted);

  if (direct.length > 0) await round(direct);
  if (within !== undefined && !answered()) await walk(within);
  if (!answered() && (within === undefined || reports.size === 0)) await walk('');
  return done();
}
