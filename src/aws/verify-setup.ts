/**
 * Runs every check of one input and streams each result as it is known. The critical path, with independent
 * requests in parallel:
 *   round 1  STS GetCallerIdentity ‖ HeadBucket (region) ‖ root listing ‖ listing of the typed path ‖ CUR API
 *   round 2+ one level deeper per round (discovery), in parallel
 *   last     GET of the chosen report's manifest (started as soon as that report is recognised)
 * Nothing is sent for malformed input. The keys live only in the clients of this call.
 */
import {createAwsClients, type AwsEndpoints, type EngineClients} from './aws-clients.ts';
import {checkKeyFormat} from './checks/key-format.ts';
import {checkCallerIdentity} from './checks/caller-identity.ts';
import {checkBucketRegion} from './checks/bucket-region.ts';
import {checkReportDefinition, fetchReportDefinitions} from './checks/report-definition.ts';
import {awaitingDelivery} from './checks/awaiting-delivery.ts';
import {failureCheck, type CheckContext} from './checks/check-context.ts';
import {discoverReports, type Discovery} from './discover-reports.ts';
import {readManifest, type ReadManifestOutcome} from './read-manifest.ts';
import {isExactMatch, selectReport, type Wanted} from './select-report.ts';
import {cleanField} from './parse-keys.ts';
import {holdsSecret, parseBucket, parsePrefix, parseRegion, parseReportName} from './parse-location.ts';
import type {Check, DiscoveredReport, Identity, SetupInput, Verdict, VerifiedReport} from './types.ts';

export interface VerifyOptions {
  readonly signal?: AbortSignal;
  /** Injected clients (tests, benchmark); by default built from the input's keys. */
  readonly clients?: EngineClients;
  readonly endpoints?: AwsEndpoints;
  readonly timeoutMs?: number;
  readonly onCheck?: (check: Check) => void;
}

const DEFAULT_REGION = 'us-east-1';

interface Location {
  readonly checks: Check[];
  readonly bucket?: string;
  readonly region?: string;
  readonly wanted: Wanted;
}

/** Local parsing of the bucket side of the input; `bucket` is absent when anything is malformed. */
function parseLocation(input: SetupInput): Location {
  if (!cleanField(input.bucket)) return {checks: [], wanted: {}};
  if (holdsSecret(input.bucket, input.keys.secretAccessKey))
    return {checks: [{code: 'LOCATION_HOLDS_SECRET', status: 'fail', field: 'bucket', facts: {}}], wanted: {}};
  // Region, prefix and report name come from the keynode's properties: name the property, never its value.
  const properties = [
    ['region', 'amazon_bucket_region', input.region],
    ['prefix', 'amazon_bucket_prefix', input.prefix],
    ['reportName', 'amazon_report_name', input.reportName],
  ] as const;
  const holding = properties.find(([, , value]) => holdsSecret(value, input.keys.secretAccessKey));
  if (holding) return {checks: [{code: 'PROPERTY_HOLDS_SECRET', status: 'fail', field: holding[0], facts: {property: holding[1]}}], wanted: {}};
  const checks: Check[] = [];
  const bucket = parseBucket(input.bucket);
  const region = parseRegion(input.region);
  const prefix = parsePrefix(input.prefix);
  const reportName = parseReportName(input.reportName);
  if (!bucket.ok) checks.push({code: 'BUCKET_MALFORMED', status: 'fail', field: 'bucket', facts: bucket.facts ?? {}});
  if (!region.ok) checks.push({code: 'REGION_MALFORMED', status: 'fail', field: 'region', facts: region.facts ?? {}});
  if (!prefix.ok) checks.push({code: 'PREFIX_MALFORMED', status: 'fail', field: 'prefix', facts: prefix.facts ?? {}});
  if (!reportName.ok) checks.push({code: 'REPORT_NAME_MALFORMED', status: 'fail', field: 'reportName', facts: reportName.facts ?? {}});
  if (!bucket.ok || !region.ok || !prefix.ok || !reportName.ok) return {checks, wanted: {}};
  const wanted: Wanted = {
    ...(reportName.value ? {reportName: reportName.value} : {}),
    ...(prefix.value ? {prefix: prefix.value} : {}),
    ...(bucket.value.path ? {path: bucket.value.path} : {}),
  };
  const typedRegion = region.value ?? bucket.value.region;
  return {checks, bucket: bucket.value.bucket, ...(typedRegion ? {region: typedRegion} : {}), wanted};
}

/**
 * Where the typed path and names say the report is, and the folder above it (whose listing shows a name that differs
 * only in case). With no prefix, AWS may have written the report under a leading `/` (what AWS does for a report
 * created without a path prefix): that folder is looked at too.
 */
function directFolders(wanted: Wanted): string[] {
  const folders = new Set<string>();
  const base = wanted.prefix ?? '';
  if (wanted.reportName) {
    folders.add(`${base ? `${base}/` : ''}${wanted.reportName}/`);
    folders.add(base ? `${base}/` : '');
    if (!base) folders.add(`/${wanted.reportName}/`);
  }
  return [...folders];
}

// Failures about the keys or the network come from every request alike (only the request named in their facts
// differs), and a streamed check is in the verdict again: each is said once. Two suggestions are two checks.
const checkKey = ({code, field, facts: {operation: _operation, error: _error, status: _status, ...facts}}: Check) =>
  `${code}|${field ?? ''}|${JSON.stringify(facts)}`;

export async function verifySetup(input: SetupInput, options: VerifyOptions = {}): Promise<Verdict> {
  const {signal} = options;
  const checks: Check[] = [];
  const said = new Set<string>();
  const emit = (list: readonly Check[]) => {
    for (const check of list) {
      if (signal?.aborted || said.has(checkKey(check))) continue;
      said.add(checkKey(check));
      checks.push(check);
      options.onCheck?.(check);
    }
  };

  const keys = {accessKeyId: cleanField(input.keys.accessKeyId), secretAccessKey: cleanField(input.keys.secretAccessKey)};
  const keyChecks = checkKeyFormat(keys);
  const location = parseLocation(input);
  emit(keyChecks);
  emit(location.checks);
  if (keyChecks.some((c) => c.status === 'fail')) return {checks, reports: [], requests: 0};

  const clients =
    options.clients ??
    createAwsClients(keys, {...(options.endpoints ? {endpoints: options.endpoints} : {}), ...(options.timeoutMs ? {timeoutMs: options.timeoutMs} : {})});
  const context: CheckContext = {clients, ...(signal ? {signal} : {})};
  const verdict = (extra: Partial<Verdict> = {}): Verdict => ({checks, reports: [], requests: clients.meter.requests, ...extra});

  const identityTask = checkCallerIdentity(input.expectedUserName, context).then((outcome) => {
    emit(outcome.checks);
    return outcome.identity;
  });
  const bucket = location.bucket;
  if (!bucket) return verdict(withIdentity(await identityTask));

  const guess = location.region ?? DEFAULT_REGION;
  const definitionsTask = fetchReportDefinitions(context);
  const regionTask = checkBucketRegion(bucket, guess, location.region, context).then((outcome) => {
    emit(outcome.checks);
    return outcome;
  });
  // The manifest of the report the operator named is read as soon as a listing shows it.
  const manifests = new Map<string, Promise<ReadManifestOutcome>>();
  const read = (found: DiscoveredReport, region: string) => {
    const key = found.folder ?? found.reportName;
    if (!manifests.has(key)) manifests.set(key, readManifest(bucket, region, found, context));
    return manifests.get(key)!;
  };
  let listingRegion = guess;
  const discovery: Discovery = await discoverReports(bucket, guess, context, {
    direct: directFolders(location.wanted),
    ...(location.wanted.path && !location.wanted.reportName ? {within: `${location.wanted.path}/`} : {}),
    enough: (reports) => reports.some((r) => isExactMatch(r, location.wanted)),
    onReport: (found) => {
      if (found.layout === 'legacy' && isExactMatch(found, location.wanted)) void read(found, listingRegion);
    },
    onRegion: (region) => (listingRegion = region),
  });
  const regionOutcome = await regionTask;
  // A region is claimed only when S3 showed the bucket exists (never the guess the requests were signed with).
  const region = regionOutcome.region ?? (discovery.listed ? discovery.region : undefined);
  if (signal?.aborted) return verdict();

  if (!discovery.listed) {
    const failure = discovery.failures[0];
    if (failure?.kind === 'accessDenied') {
      emit([{code: 'S3_LIST_PERMISSION_MISSING', status: 'fail', field: 'bucket', facts: {bucket, region: region ?? '—', arn: `arn:aws:s3:::${bucket}`}}]);
    } else if (failure?.kind === 'noSuchBucket') {
      emit([{code: 'BUCKET_NOT_FOUND', status: 'fail', field: 'bucket', facts: {bucket}}]);
    } else if (failure) emit([failureCheck(failure, 'ListObjectsV2', 'bucket')]);
    return verdict({...withIdentity(await identityTask), bucket, ...(region ? {region} : {})});
  }
  emit([{code: 'S3_LIST_OK', status: 'pass', field: 'bucket', facts: {bucket, region: region ?? discovery.region}}]);

  // AWS leaves its access-test object at the prefix for good: it means "nothing yet" only where no report was found.
  const pending = discovery.pendingFolders.some((folder) => !discovery.reports.some((r) => r.folder?.startsWith(folder)));
  const selection = selectReport(bucket, discovery.reports, location.wanted, pending && discovery.reports.length === 0, discovery.cut);
  emit(selection.checks);
  let report: VerifiedReport | undefined;
  const waiting = async (place: {prefix: string; reportName: string}) => {
    const outcome = awaitingDelivery({bucket, region: discovery.region, ...place}, await definitionsTask);
    emit(outcome.checks);
    return outcome.report;
  };
  if (selection.selected) {
    const [manifest, definitions] = await Promise.all([read(selection.selected, discovery.region), definitionsTask]);
    emit(manifest.checks);
    report = manifest.report ?? (manifest.checks.some((c) => c.code === 'DATA_NOT_YET') ? await waiting(selection.selected) : undefined);
    if (report) emit(checkReportDefinition(definitions, report));
  } else if (selection.checks.some((c) => c.code === 'DATA_NOT_YET') && location.wanted.reportName) {
    // Only AWS's access-test object so far, where the operator says the report goes.
    report = await waiting({prefix: location.wanted.prefix ?? '', reportName: location.wanted.reportName});
    emit(checkReportDefinition(await definitionsTask, report));
  }
  return verdict({...withIdentity(await identityTask), bucket, ...(region ? {region} : {}), reports: discovery.reports, ...(report ? {report} : {})});
}

function withIdentity(identity: Identity | undefined): Partial<Verdict> {
  return identity ? {identity} : {};
}
