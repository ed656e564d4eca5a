/**
 * Writes a scenario's buckets straight into s3rver's on-disk store (lib/stores/filesystem.js of s3rver 3.x): for key
 * `a/b/c`, the files `a/b/c._S3rver_object` and `a/b/c._S3rver_metadata.json` under the bucket's folder (s3rver
 * computes the `.md5` file itself on first read). Going through s3rver's HTTP API costs about a millisecond per
 * object, and even two files per object made a 100,000-object bucket take 13–70 s on this machine's disk: bulk
 * filler (`inMemory`) is therefore kept in the key index the proxy lists from and served by the proxy itself, after
 * the same signature and permission checks; report objects are real s3rver objects. Each object's Last-Modified is
 * the time its generator gives (a delivery, a log line), else the seeding time: the index holds it, and s3rver reads
 * it from the file's mtime. Keys with empty segments (`/report/…`) are stored as storage-key.ts says.
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {bucketObjects} from './cur-generator.ts';
import {ObjectIndex, type IndexedObject} from './object-index.ts';
import type {AwsScenario} from './scenario-types.ts';
import {storageKey} from './storage-key.ts';

const MARKER = '.sandbox-seed.json';
const DEFAULT_TYPE = 'binary/octet-stream';

export function scenarioNow(aws: AwsScenario): Date {
  return aws.now ? new Date(aws.now) : new Date();
}

export interface Seeded {
  indexes: Map<string, ObjectIndex>;
  objects: number;
  /** True when `directory` already held this very seed and nothing was written. */
  reused: boolean;
  /** The "now" the objects were generated for: the report definitions must use the same. */
  now: Date;
}

/** S3 keeps whole seconds: Last-Modified headers and listings agree. */
const wholeSecond = (d: Date): Date => new Date(Math.floor(d.getTime() / 1000) * 1000);

/** Seeds `directory` for `aws`, unless it already holds exactly this seed (same buckets, same "now"). */
export function seedStore(directory: string, aws: AwsScenario): Seeded {
  // Without a fixed "now" the layout depends on the day, so the day is part of the fingerprint.
  const fingerprint = createHash('sha256').update(JSON.stringify({buckets: aws.buckets, now: aws.now ?? scenarioNow(aws).toISOString().slice(0, 10)})).digest('hex');
  const marker = path.join(directory, MARKER);
  const previous = readMarker(marker);
  const reused = previous?.fingerprint === fingerprint;
  const seededAt = reused ? new Date(previous.seededAt) : new Date();
  // A reused store keeps the times it was generated with: the index must agree with the files' mtimes.
  const now = reused && previous.now ? new Date(previous.now) : scenarioNow(aws);
  if (!reused) {
    rmSync(directory, {recursive: true, force: true});
    mkdirSync(directory, {recursive: true});
  }

  const indexes = new Map<string, ObjectIndex>();
  let objects = 0;
  for (const bucket of aws.buckets) {
    const bucketDir = path.join(directory, bucket.name);
    const index = new ObjectIndex();
    indexes.set(bucket.name, index);
    const madeDirs = new Set<string>();
    // Bulk objects share one body Buffer: hash it once, and hold it once.
    const etags = new WeakMap<Buffer, string>();
    const held = new WeakMap<Buffer, NonNullable<IndexedObject['inMemory']>>();
    if (!reused) mkdirSync(bucketDir, {recursive: true});
    for (const object of bucketObjects(bucket, now)) {
      objects++;
      let etag = etags.get(object.body);
      if (!etag) etags.set(object.body, (etag = `"${createHash('md5').update(object.body).digest('hex')}"`));
      const time = object.lastModified ?? seededAt;
      const lastModified = time.getTime() % 1000 === 0 ? time : wholeSecond(time);
      if (object.inMemory) {
        let inMemory = held.get(object.body);
        if (!inMemory) held.set(object.body, (inMemory = {body: object.body, contentType: object.contentType}));
        index.put({key: object.key, size: object.body.length, etag, lastModified, inMemory});
        continue;
      }
      index.put({key: object.key, size: object.body.length, etag, lastModified});
      if (reused) continue;
      const parts = storageKey(object.key).split('/');
      const name = parts.pop()!;
      const dir = path.join(bucketDir, ...parts);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, {recursive: true});
        madeDirs.add(dir);
      }
      const file = path.join(dir, `${name}._S3rver_object`);
      writeFileSync(file, object.body);
      // s3rver answers Last-Modified from the file's mtime.
      utimesSync(file, lastModified, lastModified);
      if (object.contentType !== DEFAULT_TYPE) writeFileSync(path.join(dir, `${name}._S3rver_metadata.json`), JSON.stringify({'content-type': object.contentType}));
    }
  }
  if (!reused) writeFileSync(marker, JSON.stringify({fingerprint, seededAt: seededAt.toISOString(), now: now.toISOString()} satisfies Marker));
  return {indexes, objects, reused, now};
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
