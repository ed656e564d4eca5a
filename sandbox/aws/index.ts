/**
 * The simulated AWS of the sandbox: S3 (s3rver behind a verifying proxy), STS and the CUR API, seeded from a
 * scenario's `aws` section. Format of that section: docs/sandbox-aws.md.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import {createCurServer} from './cur-server.ts';
import {createFaults, createStats, type AwsFaults} from './faults.ts';
import {createS3Proxy} from './s3-proxy.ts';
import type {AwsScenario} from './scenario-types.ts';
import {planSeed} from './seed.ts';
import {createStsServer} from './sts-server.ts';

export type {AwsFaults, FaultKind} from './faults.ts';
export type {AwsScenario} from './scenario-types.ts';
export {manyFoldersScenario, type ManyFoldersOptions} from './many-folders.ts';

export interface AwsSandbox {
  s3Url: string;
  stsUrl: string;
  /** The Cost and Usage Report API (`cur:DescribeReportDefinitions`). */
  curUrl: string;
  faults: AwsFaults;
  stats: {requests: number; byOperation: Record<string, number>};
  close(): Promise<void>;
}

/** Legacy location constraints and the only region each may stand for. */
const LOCATION_REGIONS: Record<string, string> = {EU: 'eu-west-1', '': 'us-east-1'};

function checkScenario(aws: AwsScenario): void {
  const accounts = new Set(aws.accounts.map((a) => a.id));
  for (const who of [...aws.users, ...aws.buckets]) {
    if (!accounts.has(who.account)) throw new Error(`Scenario aws: ${'name' in who ? who.name : ''} belongs to unknown account ${who.account}`);
  }
  for (const bucket of aws.buckets) {
    const constraint = bucket.locationConstraint;
    if (constraint !== undefined && LOCATION_REGIONS[constraint] !== bucket.region) {
      throw new Error(`Scenario aws: bucket ${bucket.name} in ${bucket.region} cannot have the location constraint "${constraint}"`);
    }
    for (const content of bucket.contents ?? []) {
      if (content.type === 'legacy-cur' && content.leadingSlash && content.prefix)
        throw new Error(`Scenario aws: ${content.reportName} has a prefix and leadingSlash`);
      if (content.type === 'bulk' && content.folders !== undefined && !(Number.isInteger(content.folders) && content.folders >= 1)) {
        throw new Error(`Scenario aws: bulk folders must be a positive integer, not ${content.folders}`);
      }
    }
  }
}

async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets of SDK clients would otherwise hold the server open.
  server.closeAllConnections();
  await closed;
}

/** Loopback ports for S3, STS and the CUR API; 0 or absent: a free port. */
export interface AwsPorts {
  s3?: number;
  sts?: number;
  cur?: number;
}

/**
 * Starts S3, STS and the CUR API on loopback ports (`ports`, else free ones). `storageDir` keeps s3rver's store across
 * runs (seeding is skipped when it already holds this scenario); without it, a temporary folder is used and removed on
 * close.
 */
export async function startAws(aws: AwsScenario, options: {latencyMs?: number; storageDir?: string; ports?: AwsPorts} = {}): Promise<AwsSandbox> {
  checkScenario(aws);
  const directory = options.storageDir ?? (await mkdtemp(path.join(tmpdir(), 'aws-sandbox-')));
  const seed = planSeed(directory, aws);
  const {indexes, now} = seed;

  const s3rver = new S3rver({address: '127.0.0.1', port: 0, directory: seed.store, silent: true, configureBuckets: seed.buckets});
  const upstream = await s3rver.run();
  try {
    await seed.seed(upstream.port);
  } catch (error) {
    await s3rver.close();
    if (!options.storageDir) await rm(directory, {recursive: true, force: true});
    throw error;
  }
  const faults = createFaults(options.latencyMs ?? 0);
  const {stats, count} = createStats();
  const proxy = createS3Proxy({scenario: () => aws, indexes, upstreamPort: () => upstream.port, faults, count});
  const sts = createStsServer(() => aws.users, faults, count);
  const cur = createCurServer(
    () => aws,
    faults,
    count,
    () => now,
  );
  let s3Url: string, stsUrl: string, curUrl: string;
  try {
    [s3Url, stsUrl, curUrl] = await Promise.all([listen(proxy, options.ports?.s3), listen(sts, options.ports?.sts), listen(cur, options.ports?.cur)]);
  } catch (error) {
    // A port already taken: release what did start, so the caller can report it and exit (or try others).
    for (const server of [proxy, sts, cur]) if (server.listening) server.close();
    await s3rver.close();
    if (!options.storageDir) await rm(directory, {recursive: true, force: true});
    throw error;
  }

  return {
    s3Url,
    stsUrl,
    curUrl,
    faults,
    stats,
    async close() {
      await Promise.all([closeServer(proxy), closeServer(sts), closeServer(cur)]);
      s3rver.httpServer?.closeAllConnections();
      await s3rver.close();
      if (!options.storageDir) await rm(directory, {recursive: true, force: true});
    },
  };
}
