// Each object's Last-Modified comes from the scenario (a delivery time, a literal object's `lastModified`, a log
// line's time) and is the same in GetObject, HeadObject and listings, for stored and in-memory objects alike.
import {GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from './index.ts';
import type {AwsScenario} from './scenario-types.ts';
import {s3Client} from './test-support.ts';

const KEY = {accessKeyId: 'AKIATIMEREADEXAMPLE2', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYTIMEEXAMPLE'};
const NOW = '2026-03-02T10:00:00Z';
const scenario: AwsScenario = {
  now: NOW,
  accounts: [{id: '123456789012'}],
  users: [
    {
      account: '123456789012',
      name: 'reader',
      ...KEY,
      permissions: {'s3:ListBucket': ['arn:aws:s3:::acme-times'], 's3:GetObject': ['arn:aws:s3:::acme-times/*']},
    },
  ],
  buckets: [
    {
      name: 'acme-times',
      region: 'us-east-1',
      account: '123456789012',
      contents: [
        {type: 'object', key: 'notes/fixed.txt', body: 'fixed', lastModified: '2025-12-24T18:30:15Z'},
        {type: 'object', key: 'notes/relative.txt', body: 'relative', lastModified: '-3d'},
        {type: 'legacy-cur', prefix: 'cur', reportName: 'waiting', periods: 2, newestPeriod: 'no-period-manifest', deliveredAt: '-2h', assembliesPerPeriod: 2},
        {type: 'legacy-cur', prefix: 'other', reportName: 'overwritten', periods: 2, versioning: 'OVERWRITE_REPORT', newestPeriod: 'data-only'},
        {type: 'bulk', prefix: 'logs/', count: 3},
      ],
    },
  ],
};

describe('Last-Modified from the scenario', () => {
  let sandbox: AwsSandbox;
  let client: S3Client;
  before(async () => {
    sandbox = await startAws(scenario);
    client = s3Client(sandbox, KEY);
  });
  after(() => sandbox?.close());

  /** Last-Modified as GetObject, HeadObject and the listing give it; they must agree. */
  async function lastModified(key: string): Promise<string> {
    const got = await client.send(new GetObjectCommand({Bucket: 'acme-times', Key: key}));
    await got.Body!.transformToByteArray();
    const head = await client.send(new HeadObjectCommand({Bucket: 'acme-times', Key: key}));
    const listed = (await client.send(new ListObjectsV2Command({Bucket: 'acme-times', Prefix: key}))).Contents!.find((c) => c.Key === key)!;
    const times = [got.LastModified, head.LastModified, listed.LastModified].map((d) => d?.toISOString());
    assert.ok(
      times.every((t) => t === times[0]),
      `${key}: ${times.join(' ')}`,
    );
    return times[0]!;
  }

  const keys = async (prefix: string): Promise<string[]> =>
    ((await client.send(new ListObjectsV2Command({Bucket: 'acme-times', Prefix: prefix}))).Contents ?? []).map((c) => c.Key!);

  it('gives a literal object its ISO or relative lastModified', async () => {
    assert.equal(await lastModified('notes/fixed.txt'), '2025-12-24T18:30:15.000Z');
    assert.equal(await lastModified('notes/relative.txt'), '2026-02-27T10:00:00.000Z');
  });

  it('dates a report object by its delivery: the in-progress assembly at deliveredAt, the closed period a day earlier', async () => {
    const newest = (await keys('cur/waiting/20260301-20260401/')).sort();
    assert.equal(newest.length, 2);
    assert.ok(
      newest.every((k) => /^cur\/waiting\/20260301-20260401\/[0-9a-f-]{36}\/waiting-(1\.csv\.gz|Manifest\.json)$/.test(k)),
      newest.join(' '),
    );
    for (const key of newest) assert.equal(await lastModified(key), '2026-03-02T08:00:00.000Z');
    assert.equal(await lastModified('cur/waiting/20260201-20260301/waiting-Manifest.json'), '2026-03-01T08:00:00.000Z');
    assert.equal((await keys('cur/waiting/20260201-20260301/')).filter((k) => k.endsWith('.csv.gz')).length, 2);
    // Created the day before its first delivery (20260201-20260301's first assembly, 2026-02-28T08:00Z).
    assert.equal(await lastModified('cur/aws-programmatic-access-test-object'), '2026-02-27T08:00:00.000Z');
  });

  it("leaves an overwrite report's in-progress period with data files directly in it and no manifest", async () => {
    assert.deepEqual(await keys('other/overwritten/20260301-20260401/'), ['other/overwritten/20260301-20260401/overwritten-1.csv.gz']);
    assert.equal(await lastModified('other/overwritten/20260301-20260401/overwritten-1.csv.gz'), '2026-03-02T09:00:00.000Z');
    assert.ok((await keys('other/overwritten/20260201-20260301/')).includes('other/overwritten/20260201-20260301/overwritten-Manifest.json'));
  });

  it('dates bulk objects (held in memory) a minute apart, the last one a minute before now', async () => {
    const logs = await keys('logs/');
    assert.deepEqual(await Promise.all(logs.map(lastModified)), ['2026-03-02T09:57:00.000Z', '2026-03-02T09:58:00.000Z', '2026-03-02T09:59:00.000Z']);
  });
});

describe('Last-Modified of a reused store', () => {
  it('stays what the first seeding wrote when startAws reuses storageDir', async () => {
    const storageDir = await mkdtemp(path.join(tmpdir(), 'aws-times-'));
    const {now: _fixed, ...withoutNow} = scenario;
    try {
      const times: string[] = [];
      for (let run = 0; run < 2; run++) {
        const sandbox = await startAws(withoutNow, {storageDir});
        try {
          const client = s3Client(sandbox, KEY);
          const listed = await client.send(new ListObjectsV2Command({Bucket: 'acme-times', Prefix: 'cur/waiting/'}));
          const key = listed.Contents!.find((c) => c.Key!.endsWith('-Manifest.json'))!;
          const head = await client.send(new HeadObjectCommand({Bucket: 'acme-times', Key: key.Key}));
          assert.equal(head.LastModified?.toISOString(), key.LastModified?.toISOString());
          times.push(`${key.Key} ${key.LastModified?.toISOString()}`);
        } finally {
          await sandbox.close();
        }
      }
      assert.equal(times[1], times[0]);
    } finally {
      await rm(storageDir, {recursive: true, force: true});
    }
  });
});
