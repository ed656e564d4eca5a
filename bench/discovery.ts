/**
 * Discovery cost to a verdict (issue 11): for 1, 10, 100 and 1,000 top-level folders, with 0 and 200,000 unrelated
 * objects among them, the bucket alone and the report's path typed. Sequential round trips (the clients'
 * RequestMeter, 50 ms injected per request) and S3 requests, with the engine as the extension runs it.
 */
import {PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import {manyFoldersScenario, startAws} from '../sandbox/aws/index.ts';
import {createAwsClients} from '../src/aws/aws-clients.ts';
import type {SetupInput} from '../src/aws/types.ts';
import {verifySetup} from '../src/aws/verify-setup.ts';
import {LATENCY_MS} from './aws-verdict.ts';

export interface DiscoveryFigure {
  readonly folders: number;
  readonly objects: number;
  readonly typed: 'bucket only' | 'path typed';
  readonly roundTrips: number;
  readonly s3Requests: number;
  readonly verdict: string;
  readonly seedMs: number;
}

const BUCKET = 'acme-billing-reports';

export async function benchDiscovery(
  folderCounts: readonly number[] = [1, 10, 100, 1_000],
  objectCounts: readonly number[] = [0, 200_000],
): Promise<DiscoveryFigure[]> {
  const figures: DiscoveryFigure[] = [];
  for (const folders of folderCounts) {
    for (const objects of objectCounts) {
      const seedStart = performance.now();
      // The report sorts last among the folders, under a name that does not look like one: the walk's worst case.
      const aws = await startAws(manyFoldersScenario({folders, objects, reportPrefix: 'zz-archive'}), {latencyMs: LATENCY_MS});
      const seedMs = performance.now() - seedStart;
      try {
        const inputs: [DiscoveryFigure['typed'], SetupInput][] = [
          ['bucket only', {keys: PRICING_KEY, expectedUserName: 'abiquo-billing-user', bucket: BUCKET}],
          ['path typed', {keys: PRICING_KEY, expectedUserName: 'abiquo-billing-user', bucket: BUCKET, prefix: 'zz-archive', reportName: 'abiquo-hourly'}],
        ];
        for (const [typed, input] of inputs) {
          const clients = createAwsClients(input.keys, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl}});
          const verdict = await verifySetup(input, {clients});
          const outcome = verdict.report ? 'report verified' : (verdict.checks.find((c) => c.status !== 'pass' && /REPORT/.test(c.code))?.code ?? 'no report');
          const s3Requests = clients.meter.records.filter((r) => r.operation !== 'GetCallerIdentityCommand').length;
          figures.push({folders, objects, typed, roundTrips: clients.meter.roundTrips, s3Requests, verdict: outcome, seedMs});
        }
      } finally {
        await aws.close();
      }
    }
  }
  return figures;
}
