/**
 * Writes a scenario's buckets straight into s3rver's on-disk store (lib/stores/filesystem.js of s3rver 3.x):
 * for key `a/b/c`, the files `a/b/c._S3rver_object`, `c._S3rver_object.md5` and `c._S3rver_metadata.json` under the
 * bucket's folder. Going through s3rver's HTTP API costs about a millisecond per object; this is what lets a
 * 100,000-object bucket be ready in seconds.
 */
import {createHash} from 'node:crypto';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {bucketObjects, type SeedObject} from './cur-generator.ts';
import type {AwsScenario} from './scenario-types.ts';

const MARKER = '.sandbox-seed.json';
const PARALLEL_WRITES = 64;

export function scenarioNow(aws: AwsScenario): Date {
  return aws.now ? new Date(aws.now) : new Date();
}

/** Seeds `directory` for `aws`, unless it already holds exactly this seed (same scenario, same "now"). */
export async function seedStore(directory: string, aws: AwsScenario): Promise<{objects: number; reused: boolean}> {
  const now = scenarioNow(aws);
  // Without a fixed "now" the layout depends on the day, so the day is part of the fingerprint.
  const fingerprint = createHash('sha256').update(JSON.stringify({buckets: aws.buckets, now: aws.now ?? now.toISOString().slice(0, 10)})).digest('hex');
  const marker = path.join(directory, MARKER);
  const previous = await readFile(marker, 'utf8').then((t) => JSON.parse(t) as {fingerprint: string; objects: number}, () => undefined);
  if (previous?.fingerprint === fingerprint) return {objects: previous.objects, reused: true};

  await rm(directory, {recursive: true, force: true});
  await mkdir(directory, {recursive: true});
  let objects = 0;
  for (const bucket of aws.buckets) {
    const bucketDir = path.join(directory, bucket.name);
    await mkdir(bucketDir, {recursive: true});
    const madeDirs = new Map<string, Promise<unknown>>([[bucketDir, Promise.resolve()]]);
    const pending = new Set<Promise<void>>();
    for (const object of bucketObjects(bucket, now)) {
      const write = writeObject(bucketDir, object, madeDirs).finally(() => pending.delete(write));
      pending.add(write);
      objects++;
      if (pending.size >= PARALLEL_WRITES) await Promise.race(pending);
    }
    await Promise.all(pending);
  }
  await writeFile(marker, JSON.stringify({fingerprint, objects}));
  return {objects, reused: false};
}

async function writeObject(bucketDir: string, object: SeedObject, madeDirs: Map<string, Promise<unknown>>): Promise<void> {
  const parts = object.key.split('/');
  const name = parts.pop()!;
  const dir = path.join(bucketDir, ...parts);
  // Concurrent writes into one new folder share a single mkdir.
  if (!madeDirs.has(dir)) madeDirs.set(dir, mkdir(dir, {recursive: true}));
  await madeDirs.get(dir);
  const file = path.join(dir, `${name}._S3rver_object`);
  await Promise.all([
    writeFile(file, object.body),
    writeFile(`${file}.md5`, createHash('md5').update(object.body).digest('hex')),
    writeFile(path.join(dir, `${name}._S3rver_metadata.json`), JSON.stringify({'content-type': object.contentType})),
  ]);
}
