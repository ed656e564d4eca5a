import {GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, failureOf, keyOf, s3Client, userWithKey, virtualHostedS3Client} from './test-support.ts';

const listReports = new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/abiquo-hourly/', Delimiter: '/'});

describe('simulated S3 signature checks', () => {
  let sandbox: AwsSandbox;
  before(async () => {
    sandbox = await startAws(awsScenario('expired-key'));
  });
  after(() => sandbox.close());

  it('lists the report folder for the right key', async () => {
    const listing = await s3Client(sandbox, PRICING_KEY).send(listReports);
    assert.equal(listing.CommonPrefixes?.length, 3);
  });

  it('rejects a wrong secret with 403 SignatureDoesNotMatch', async () => {
    const failure = await failureOf(s3Client(sandbox, {...PRICING_KEY, secretAccessKey: `${PRICING_KEY.secretAccessKey.slice(0, 39)}X`}).send(listReports));
    assert.equal(failure.name, 'SignatureDoesNotMatch');
    assert.equal(failure.status, 403);
  });

  it('rejects an unknown key with 403 InvalidAccessKeyId', async () => {
    const failure = await failureOf(s3Client(sandbox, {accessKeyId: 'AKIANOSUCHKEYEXAMPLE', secretAccessKey: PRICING_KEY.secretAccessKey}).send(listReports));
    assert.equal(failure.name, 'InvalidAccessKeyId');
    assert.equal(failure.status, 403);
    assert.equal(failure.error['AWSAccessKeyId'], 'AKIANOSUCHKEYEXAMPLE');
  });

  it('rejects an expired temporary key with 400 ExpiredToken', async () => {
    const aws = awsScenario('expired-key');
    const failure = await failureOf(s3Client(sandbox, keyOf(userWithKey(aws, 'ASIATEMPSESSEXAMPLE2'))).send(listReports));
    assert.equal(failure.name, 'ExpiredToken');
    assert.equal(failure.status, 400);
  });

  it('rejects a temporary key sent without its session token with 403 InvalidAccessKeyId, as S3 does', async () => {
    const {sessionToken: _token, ...withoutToken} = keyOf(userWithKey(awsScenario('expired-key'), 'ASIATEMPSESSEXAMPLE2'));
    const failure = await failureOf(s3Client(sandbox, withoutToken).send(listReports));
    assert.deepEqual([failure.name, failure.status], ['InvalidAccessKeyId', 403]);
  });
});

describe('simulated S3 bucket regions (bucket in eu-west-1)', () => {
  let sandbox: AwsSandbox;
  before(async () => {
    sandbox = await startAws(awsScenario('bucket-eu-west-1'));
  });
  after(() => sandbox.close());

  it('answers a request signed for us-east-1 with 301 PermanentRedirect naming the region and endpoint', async () => {
    const failure = await failureOf(s3Client(sandbox, PRICING_KEY, 'us-east-1').send(listReports));
    assert.equal(failure.name, 'PermanentRedirect');
    assert.equal(failure.status, 301);
    assert.equal(failure.headers['x-amz-bucket-region'], 'eu-west-1');
    assert.equal(failure.error['Endpoint'], `${BILLING_BUCKET}.s3.eu-west-1.amazonaws.com`);
  });

  it('answers HeadBucket in the wrong region with a bodiless 301 carrying x-amz-bucket-region', async () => {
    const failure = await failureOf(s3Client(sandbox, PRICING_KEY, 'us-east-1').send(new HeadBucketCommand({Bucket: BILLING_BUCKET})));
    assert.equal(failure.status, 301);
    assert.equal(failure.headers['x-amz-bucket-region'], 'eu-west-1');
    assert.equal(failure.headers['content-length'] ?? '0', '0');
  });

  it('lets the SDK follow the redirect when followRegionRedirects is on', async () => {
    const client = s3Client(sandbox, PRICING_KEY, 'us-east-1', {followRegionRedirects: true});
    const head = await client.send(new HeadBucketCommand({Bucket: BILLING_BUCKET}));
    assert.equal(head.BucketRegion, 'eu-west-1');
    const listing = await client.send(listReports);
    assert.equal(listing.CommonPrefixes?.length, 3);
  });

  it('serves the bucket normally to a client signing for eu-west-1', async () => {
    const head = await s3Client(sandbox, PRICING_KEY, 'eu-west-1').send(new HeadBucketCommand({Bucket: BILLING_BUCKET}));
    assert.equal(head.BucketRegion, 'eu-west-1');
  });

  it('reports the region through GetBucketLocation from any region', async () => {
    const location = await s3Client(sandbox, PRICING_KEY, 'us-east-1').send(new GetBucketLocationCommand({Bucket: BILLING_BUCKET}));
    assert.equal(location.LocationConstraint, 'eu-west-1');
  });

  it('answers a virtual-hosted request signed for the wrong region with 400 AuthorizationHeaderMalformed', async () => {
    // Virtual-hosted names reach the bucket's own region (as S3's global DNS does).
    const {client, hosts} = virtualHostedS3Client(sandbox, PRICING_KEY, 'us-east-1');
    const failure = await failureOf(client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: 'cur/aws-programmatic-access-test-object'})));
    assert.equal(failure.name, 'AuthorizationHeaderMalformed');
    assert.equal(failure.status, 400);
    assert.equal(failure.headers['x-amz-bucket-region'], 'eu-west-1');
    assert.equal(failure.error['Region'], 'eu-west-1');
    assert.deepEqual(hosts, [`${BILLING_BUCKET}.localhost`]);
  });
});
