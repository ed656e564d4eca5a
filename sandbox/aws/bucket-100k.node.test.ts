// SLOW (about 15–50 s on this 2-core machine): seeds a 100,000-object bucket. Run it on its own if needed:
//   node --import tsx --test sandbox/aws/bucket-100k.node.test.ts
// How long seeding and listing take is measured by `npm run bench` (bench/discovery.ts), not asserted here.
import {ListObjectsV2Command} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, s3Client} from './test-support.ts';

describe('bucket-100k-objects scenario (slow)', {timeout: 90_000}, () => {
  let sandbox: AwsSandbox;
  before(async () => {
    sandbox = await startAws(awsScenario('bucket-100k-objects'));
  });
  after(() => sandbox?.close());

  it('finds the report with delimiter listings in at most 4 requests', async () => {
    const client = s3Client(sandbox, PRICING_KEY);
    const before = sandbox.stats.requests;
    const root = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Delimiter: '/'}));
    assert.deepEqual(
      root.CommonPrefixes?.map((p) => p.Prefix),
      ['cur/', 'logs/'],
    );
    const prefix = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/', Delimiter: '/'}));
    assert.deepEqual(
      prefix.CommonPrefixes?.map((p) => p.Prefix),
      ['cur/abiquo-hourly/'],
    );
    const periods = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/abiquo-hourly/', Delimiter: '/'}));
    assert.equal(periods.CommonPrefixes?.length, 3);
    assert.equal(sandbox.stats.requests - before, 3);
  });

  it('holds 100,000 log objects, listed a thousand at a time', async () => {
    const client = s3Client(sandbox, PRICING_KEY);
    const page = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'logs/'}));
    assert.equal(page.KeyCount, 1000);
    assert.equal(page.IsTruncated, true);
    const next = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'logs/', ContinuationToken: page.NextContinuationToken}));
    assert.ok(next.Contents![0]!.Key! > page.Contents!.at(-1)!.Key!);
  });
});
