import {GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BILLING_BUCKET, LINKED_KEYS, PRICING_KEY} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, failureOf, s3Client} from './test-support.ts';

const listReports = new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/abiquo-hourly/', Delimiter: '/'});
const missingManifest = {Bucket: BILLING_BUCKET, Key: 'cur/abiquo-hourly/20990101-20990201/abiquo-hourly-Manifest.json'};

async function withSandbox(scenario: string, test: (sandbox: AwsSandbox) => Promise<void>): Promise<void> {
  const sandbox = await startAws(awsScenario(scenario));
  try {
    await test(sandbox);
  } finally {
    await sandbox.close();
  }
}

async function firstPeriodManifest(sandbox: AwsSandbox): Promise<string> {
  const listing = await s3Client(sandbox, PRICING_KEY).send(listReports);
  return `${listing.CommonPrefixes![0]!.Prefix}abiquo-hourly-Manifest.json`;
}

describe('simulated S3 permissions', () => {
  it('answers 404 NoSuchKey for a missing object when the key may list the bucket', () =>
    withSandbox('happy-path', async (sandbox) => {
      const failure = await failureOf(s3Client(sandbox, PRICING_KEY).send(new GetObjectCommand(missingManifest)));
      assert.equal(failure.name, 'NoSuchKey');
      assert.equal(failure.status, 404);
    }));

  it('denies a key of another account that has no S3 permissions, still naming the bucket region', () =>
    withSandbox('happy-path', async (sandbox) => {
      const failure = await failureOf(s3Client(sandbox, LINKED_KEYS[0]).send(listReports));
      assert.equal(failure.name, 'AccessDenied');
      assert.equal(failure.status, 403);
      assert.equal(failure.headers['x-amz-bucket-region'], 'us-east-1');
    }));

  it('without s3:ListBucket: listing and HeadBucket are 403 with the region header, and a missing object is 403 not 404', () =>
    withSandbox('key-without-list-bucket', async (sandbox) => {
      const client = s3Client(sandbox, PRICING_KEY);
      const listing = await failureOf(client.send(listReports));
      assert.equal(listing.name, 'AccessDenied');
      assert.equal(listing.status, 403);
      assert.equal(listing.headers['x-amz-bucket-region'], 'us-east-1');

      const head = await failureOf(client.send(new HeadBucketCommand({Bucket: BILLING_BUCKET})));
      assert.equal(head.status, 403);
      assert.equal(head.headers['x-amz-bucket-region'], 'us-east-1');

      const missing = await failureOf(client.send(new GetObjectCommand(missingManifest)));
      assert.equal(missing.name, 'AccessDenied');
      assert.equal(missing.status, 403);
      const missingHead = await failureOf(client.send(new HeadObjectCommand(missingManifest)));
      assert.equal(missingHead.status, 403);

      // s3:GetObject and s3:GetBucketLocation still work.
      const location = await client.send(new GetBucketLocationCommand({Bucket: BILLING_BUCKET}));
      assert.equal(location.LocationConstraint, undefined);
      const testObject = await client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: 'cur/aws-programmatic-access-test-object'}));
      assert.equal(testObject.$metadata.httpStatusCode, 200);
    }));

  it('without s3:GetObject: the report folder lists but the manifest is 403 AccessDenied', () =>
    withSandbox('key-without-get-object', async (sandbox) => {
      const client = s3Client(sandbox, PRICING_KEY);
      const manifest = await firstPeriodManifest(sandbox);
      const failure = await failureOf(client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: manifest})));
      assert.equal(failure.name, 'AccessDenied');
      assert.equal(failure.status, 403);
      assert.equal(failure.headers['x-amz-bucket-region'], 'us-east-1');
    }));

  it('lets GetObject read only under the granted prefix', () =>
    withSandbox('happy-path', async (sandbox) => {
      const client = s3Client(sandbox, PRICING_KEY);
      const manifest = await client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: await firstPeriodManifest(sandbox)}));
      assert.equal(manifest.ContentType, 'application/json');
      const outside = await failureOf(client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: 'elsewhere/report.csv'})));
      assert.equal(outside.name, 'AccessDenied');
    }));

  it('answers 404 NoSuchBucket for a bucket that does not exist', () =>
    withSandbox('happy-path', async (sandbox) => {
      const failure = await failureOf(s3Client(sandbox, PRICING_KEY).send(new ListObjectsV2Command({Bucket: 'no-such-billing-bucket'})));
      assert.equal(failure.name, 'NoSuchBucket');
      assert.equal(failure.status, 404);
    }));
});
