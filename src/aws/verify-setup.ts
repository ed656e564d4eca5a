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
import type {CheckContext} from './checks/check-context.ts';
import {listingChecks} from './checks/bucket-listing.ts';
import {parseLocation} from './checks/location.ts';
import {discoverReports, type Discovery} from './discover-reports.ts';
import {readManifest, type ReadManifestOutcome} from './checks/manifest.ts';
import {isExactMatch, selectReport, type Wanted} from './checks/report-choice.ts';
import {cleanField} from './parse-keys.ts';
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

  emit(listingChecks(bucket, region, discovery));
  if (!discovery.listed) return verdict({...withIdentity(await identityTask), bucket, ...(region ? {region} : {})});

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
