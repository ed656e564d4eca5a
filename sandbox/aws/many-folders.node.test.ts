// A bucket with many top-level folders of unrelated objects and one CUR among them, for the discovery-cost
// benchmark: manyFoldersScenario() and the shipped bucket-many-folders scenario (1,000 folders, 200,000 objects;
// seeding takes a few seconds on a shared 2-core machine, measured by the benchmarks, not asserted here).
import {ListObjectsV2Command, type S3Client} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from './demo-keys.ts';
import {manyFoldersScenario, startAws, type AwsSandbox} from './index.ts';
import {awsScenario, s3Client} from './test-support.ts';

/** Every entry of a delimiter listing, page after page, and how many pages it took. */
async function listAll(client: S3Client, prefix?: string): Promise<{prefixes: string[]; keys: string[]; pages: number}> {
  const all = {prefixes: [] as string[], keys: [] as string[], pages: 0};
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({Bucket: BILLING_BUCKET, Delimiter: '/', ContinuationToken: token, ...(prefix ? {Prefix: prefix} : {})}),
    );
    all.prefixes.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
    all.keys.push(...(page.Contents ?? []).map((c) => c.Key!));
    all.pages++;
    token = page.NextContinuationToken;
  } while (token);
  return all;
}

async function withSandbox(sandbox: Promise<AwsSandbox>, test: (sandbox: AwsSandbox, client: S3Client) => Promise<void>): Promise<void> {
  const started = await sandbox;
  try {
    await test(started, s3Client(started, PRICING_KEY));
  } finally {
    await started.close();
  }
}

describe('manyFoldersScenario', () => {
  it('refuses folder and object counts outside 1–1,000 and 0–200,000', () => {
    for (const options of [
      {folders: 0, objects: 10},
      {folders: 1001, objects: 10},
      {folders: 2.5, objects: 10},
      {folders: 10, objects: 200_001},
      {folders: 10, objects: -1},
    ]) {
      assert.throws(() => manyFoldersScenario(options), RangeError, JSON.stringify(options));
    }
  });

  it('spreads the objects among the folders and puts the CUR at reportPrefix, readable by the pricing key', () =>
    withSandbox(startAws(manyFoldersScenario({folders: 1000, objects: 3000, reportPrefix: 'zz-cur'})), async (_s, client) => {
      const root = await listAll(client);
      assert.equal(root.pages, 2);
      assert.equal(root.prefixes.length, 1001);
      assert.deepEqual([root.prefixes[0], root.prefixes[999], root.prefixes[1000]], ['folder-0001/', 'folder-1000/', 'zz-cur/']);
      assert.deepEqual(root.keys, []);
      assert.equal((await listAll(client, 'folder-0042/')).keys.length, 3);
      assert.equal((await listAll(client, 'zz-cur/abiquo-hourly/')).prefixes.length, 3);
    }));

  it('nests the CUR in one of the folders, and lays a folder out by day', () =>
    withSandbox(startAws(manyFoldersScenario({folders: 3, objects: 30, reportPrefix: 'folder-0002/cur', layout: 'daily'})), async (_s, client) => {
      assert.deepEqual((await listAll(client)).prefixes, ['folder-0001/', 'folder-0002/', 'folder-0003/']);
      const second = await listAll(client, 'folder-0002/');
      assert.ok(second.prefixes.includes('folder-0002/cur/') && second.prefixes.some((p) => /^folder-0002\/\d{4}\/$/.test(p)), second.prefixes.join(' '));
      assert.equal((await listAll(client, 'folder-0002/cur/abiquo-hourly/')).prefixes.length, 3);
    }));
});

describe('bucket-many-folders scenario', {timeout: 90_000}, () => {
  it('holds 1,000 top-level folders of 200 objects each besides cur/', () =>
    withSandbox(startAws(awsScenario('bucket-many-folders')), async (sandbox, client) => {
      const before = sandbox.stats.requests;
      const root = await listAll(client);
      assert.deepEqual([root.pages, root.prefixes.length, root.prefixes[0], root.prefixes.at(-1)], [2, 1001, 'cur/', 'folder-1000/']);
      assert.equal(sandbox.stats.requests - before, 2);
      assert.equal((await listAll(client, 'folder-0500/')).keys.length, 200);
      assert.equal((await listAll(client, 'cur/abiquo-hourly/')).prefixes.length, 3);
    }));
});
