/**
 * Time to verdict with 50 ms injected per AWS request: sequential round trips on the critical path (measured by
 * the clients' RequestMeter) and wall time, for the engine and for a naive baseline that runs the same checks
 * one after another, in the same process against the same sandbox.
 */
import {startAws} from '../sandbox/aws/index.ts';
import {loadScenario} from '../sandbox/scenario.ts';
import {PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import type {AwsScenario} from '../sandbox/aws/scenario-types.ts';
import {createAwsClients} from '../src/aws/aws-clients.ts';
import {verifySetup} from '../src/aws/verify-setup.ts';
import {checkCallerIdentity} from '../src/aws/checks/caller-identity.ts';
import {checkBucketRegion} from '../src/aws/checks/bucket-region.ts';
import {discoverReports} from '../src/aws/discover-reports.ts';
import {readManifest} from '../src/aws/checks/manifest.ts';
import {selectReport} from '../src/aws/checks/report-choice.ts';
import type {SetupInput} from '../src/aws/types.ts';

export const LATENCY_MS = 50;

export interface VerdictFigure {
  readonly label: string;
  readonly roundTrips: number;
  readonly requests: number;
  readonly ms: number;
  readonly ok: boolean;
}

/** The checks one after another: what the engine would cost without its parallel plan. */
async function naive(input: SetupInput, endpoints: {s3: string; sts: string}) {
  const clients = createAwsClients(input.keys, {endpoints});
  const context = {clients};
  await checkCallerIdentity(input.expectedUserName, context);
  const region = (await checkBucketRegion(input.bucket!, 'us-east-1', undefined, context)).region ?? 'us-east-1';
  const discovery = await discoverReports(input.bucket!, region, context);
  const {selected} = selectReport(input.bucket!, discovery.reports, {}, false);
  const manifest = selected ? await readManifest(input.bucket!, region, selected, context) : undefined;
  return {clients, ok: Boolean(manifest?.report)};
}

export async function benchVerdict(): Promise<VerdictFigure[]> {
  const aws = await startAws(loadScenario('happy-path').aws as unknown as AwsScenario, {latencyMs: LATENCY_MS});
  const endpoints = {s3: aws.s3Url, sts: aws.stsUrl};
  const figures: VerdictFigure[] = [];
  const inputs: [string, SetupInput][] = [
    ['bucket only (full discovery)', {keys: PRICING_KEY, expectedUserName: 'abiquo-billing-user', bucket: 'acme-billing-reports'}],
    [
      'bucket + prefix + report',
      {keys: PRICING_KEY, expectedUserName: 'abiquo-billing-user', bucket: 'acme-billing-reports', prefix: 'cur', reportName: 'abiquo-hourly'},
    ],
  ];
  try {
    for (const [label, input] of inputs) {
      const clients = createAwsClients(input.keys, {endpoints});
      const start = performance.now();
      const verdict = await verifySetup(input, {clients});
      figures.push({
        label: `engine, ${label}`,
        roundTrips: clients.meter.roundTrips,
        requests: clients.meter.requests,
        ms: performance.now() - start,
        ok: Boolean(verdict.report),
      });
    }
    const start = performance.now();
    const baseline = await naive(inputs[0]![1], endpoints);
    figures.push({
      label: 'naive baseline, bucket only',
      roundTrips: baseline.clients.meter.roundTrips,
      requests: baseline.clients.meter.requests,
      ms: performance.now() - start,
      ok: baseline.ok,
    });
  } finally {
    await aws.close();
  }
  return figures;
}
