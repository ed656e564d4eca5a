/**
 * Discovery cost against buckets holding the report plus 1,000 / 10,000 / 100,000 unrelated objects: S3 requests
 * as counted by the sandbox, and time. Delimiter listings keep the count flat.
 */
import {startAws} from '../sandbox/aws/index.ts';
import {loadScenario} from '../sandbox/scenario.ts';
import {PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import type {AwsScenario, BulkContent} from '../sandbox/aws/scenario-types.ts';
import {createAwsClients} from '../src/aws/aws-clients.ts';
import {discoverReports} from '../src/aws/discover-reports.ts';

export interface DiscoveryFigure {
  readonly objects: number;
  readonly s3Requests: number;
  readonly ms: number;
  readonly reports: number;
  readonly seedMs: number;
}

export async function benchDiscovery(sizes: readonly number[] = [1_000, 10_000, 100_000]): Promise<DiscoveryFigure[]> {
  const figures: DiscoveryFigure[] = [];
  for (const objects of sizes) {
    const scenario = loadScenario('bucket-100k-objects').aws as unknown as AwsScenario;
    for (const bucket of scenario.buckets) {
      for (const content of bucket.contents ?? []) if (content.type === 'bulk') (content as BulkContent).count = objects;
    }
    const seedStart = performance.now();
    const aws = await startAws(scenario);
    const seedMs = performance.now() - seedStart;
    try {
      const clients = createAwsClients(PRICING_KEY, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl}});
      const before = aws.stats.requests;
      const start = performance.now();
      const discovery = await discoverReports('acme-billing-reports', 'us-east-1', {clients});
      figures.push({objects, s3Requests: aws.stats.requests - before, ms: performance.now() - start, reports: discovery.reports.length, seedMs});
    } finally {
      await aws.close();
    }
  }
  return figures;
}
