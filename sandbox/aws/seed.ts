/**
 * Seeds s3rver through its public interfaces, never its files: the scenario's buckets are s3rver's `configureBuckets`
 * option (created as it starts), and each stored object is a PutObject (an unsigned `PUT /<bucket>/<key>`, which
 * s3rver serves without a signature; the proxy in front of it checks the scenario's keys). Bulk filler (`inMemory`)
 * never reaches s3rver: it lives in the key index the proxy lists from and is served by the proxy itself, after the
 * same signature and permission checks, so a 100,000-object bucket costs no requests.
 *
 * S3's API cannot set an object's Last-Modified, so the key index holds each object's time (the time its generator
 * gives — a delivery, a log line — else the seeding time) and the proxy answers Last-Modified from it for GetObject,
 * HeadObject and listings alike. Keys with empty segments (`/report/…`) are stored as storage-key.ts says.
 *
 * With a storage folder kept across runs, a store that already holds this very seed is used as it is: `store` is
 * s3rver's folder inside it, and `seed.json` beside it records what was seeded and when.
 */
import {createHash} from 'node:crypto';
import {Agent, request} from 'node:http';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {bucketObjects, type SeedObject} from './cur-generator.ts';
import {ObjectIndex, type IndexedObject} from './object-index.ts';
import type {AwsScenario} from './scenario-types.ts';
import {storagePath} from './storage-key.ts';

const MARKER = 'seed.json';
/** PutObject requests under way at once. */
const PARALLEL_PUTS = 8;

export function scenarioNow(aws: AwsScenario): Date {
  return aws.now ? new Date(aws.now) : new Date();
}

export interface SeedPlan {
  /** s3rver's `directory`. */
  store: string;
  /** s3rver's `configureBuckets`. */
  buckets: {name: string}[];
  indexes: Map<string, ObjectIndex>;
  /** The "now" the objects were generated for: the report definitions must use the same. */
  now: Date;
  /** True when the folder already held this very seed: nothing is put. */
  reused: boolean;
  /** Puts the stored objects through s3rver's S3 API at `port`, then records the seed (unless reused). */
  seed(port: number): Promise<void>;
}

interface StoredObject {
  bucket: string;
  object: SeedObject;
}

/** S3 keeps whole seconds: Last-Modified headers and listings agree. */
const wholeSecond = (d: Date): Date => new Date(Math.floor(d.getTime() / 1000) * 1000);

/** Plans the seed of `directory` for `aws`; a folder that does not hold this very seed (same buckets, same "now") is emptied. */
export function planSeed(directory: string, aws: AwsScenario): SeedPlan {
  // Without a fixed "now" the layout depends on the day, so the day is part of the fingerprint.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({buckets: aws.buckets, now: aws.now ?? scenarioNow(aws).toISOString().slice(0, 10)}))
    .digest('hex');
  const marker = path.join(directory, MARKER);
  const store = path.join(directory, 'store');
  const previous = readMarker(marker);
  const reused = previous?.fingerprint === fingerprint;
  const seededAt = reused ? new Date(previous.seededAt) : new Date();
  // A reused store keeps the times it was generated with.
  const now = reused && previous.now ? new Date(previous.now) : scenarioNow(aws);
  if (!reused) {
    rmSync(directory, {recursive: true, force: true});
    mkdirSync(store, {recursive: true});
  }

  const indexes = new Map<string, ObjectIndex>();
  const stored: StoredObject[] = [];
  for (const bucket of aws.buckets) {
    const index = new ObjectIndex();
    indexes.set(bucket.name, index);
    // Bulk objects share one body Buffer: hash it once, and hold it once.
    const etags = new WeakMap<Buffer, string>();
    const held = new WeakMap<Buffer, NonNullable<IndexedObject['inMemory']>>();
    for (const object of bucketObjects(bucket, now)) {
      let etag = etags.get(object.body);
      if (!etag) etags.set(object.body, (etag = `"${createHash('md5').update(object.body).digest('hex')}"`));
      const lastModified = wholeSecond(object.lastModified ?? seededAt);
      if (object.inMemory) {
        let inMemory = held.get(object.body);
        if (!inMemory) held.set(object.body, (inMemory = {body: object.body, contentType: object.contentType}));
        index.put({key: object.key, size: object.body.length, etag, lastModified, inMemory});
        continue;
      }
      index.put({key: object.key, size: object.body.length, etag, lastModified});
      if (!reused) stored.push({bucket: bucket.name, object});
    }
  }

  return {
    store,
    buckets: aws.buckets.map(({name}) => ({name})),
    indexes,
    now,
    reused,
    async seed(port) {
      if (reused) return;
      const agent = new Agent({keepAlive: true, maxSockets: PARALLEL_PUTS});
      try {
        const queue = [...stored];
        const worker = async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await putObject(agent, port, next);
        };
        await Promise.all(Array.from({length: Math.min(PARALLEL_PUTS, queue.length)}, worker));
      } finally {
        agent.destroy();
      }
      writeFileSync(marker, JSON.stringify({fingerprint, seededAt: seededAt.toISOString(), now: now.toISOString()} satisfies Marker));
    },
  };
}

/** PutObject, path-style, under the key's storage name. */
function putObject(agent: Agent, port: number, {bucket, object}: StoredObject): Promise<void> {
  const headers = {'content-type': object.contentType, 'content-length': String(object.body.length)};
  return new Promise((resolve, reject) => {
    const put = request({host: '127.0.0.1', port, method: 'PUT', path: storagePath(bucket, object.key), headers, agent}, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        if (answer.statusCode === 200) resolve();
        else
          reject(
            new Error(`seeding s3://${bucket}/${object.key}: s3rver answered ${answer.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`),
          );
      });
      answer.on('error', reject);
    });
    put.on('error', reject);
    put.end(object.body);
  });
}

interface Marker {
  fingerprint: string;
  seededAt: string;
  now?: string;
}

function readMarker(file: string): Marker | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}
