import {HeadBucketCommand, ListObjectsV2Command} from '@aws-sdk/client-s3';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from './demo-keys.ts';
import {SKEW_MS} from './faults.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, failureOf, s3Client, stsClient} from './test-support.ts';

const headBucket = new HeadBucketCommand({Bucket: BILLING_BUCKET});

describe('simulated AWS fault injection', () => {
  let sandbox: AwsSandbox;
  before(async () => {
    sandbox = await startAws(awsScenario('happy-path'), {latencyMs: 0});
  });
  beforeEach(() => sandbox.faults.reset());
  after(() => sandbox.close());

  it('adds the configured latency to every request', async () => {
    const client = s3Client(sandbox, PRICING_KEY);
    await client.send(headBucket);
    sandbox.faults.latencyMs = 300;
    const started = performance.now();
    await client.send(headBucket);
    await stsClient(sandbox, PRICING_KEY).send(new GetCallerIdentityCommand({}));
    assert.ok(performance.now() - started >= 590, 'two requests take at least twice the latency');
  });

  it('answers 503 SlowDown when told to, and the SDK retries past it', async () => {
    sandbox.faults.failNext('slowdown');
    const failure = await failureOf(s3Client(sandbox, PRICING_KEY).send(headBucket));
    assert.equal(failure.status, 503);

    sandbox.faults.failNext('slowdown');
    const before = sandbox.stats.byOperation['HeadBucket'] ?? 0;
    const head = await s3Client(sandbox, PRICING_KEY, 'us-east-1', {maxAttempts: 3}).send(headBucket);
    assert.equal(head.$metadata.attempts, 2);
    assert.equal(sandbox.stats.byOperation['HeadBucket'], before + 2);
  });

  it('drops the connection when told to', async () => {
    sandbox.faults.failNext('drop');
    const failure = await failureOf(s3Client(sandbox, PRICING_KEY).send(headBucket));
    assert.equal(failure.status, undefined);
    assert.match(failure.message, /socket hang up|ECONNRESET/);
  });

  it('answers 500 InternalError on S3 and InternalFailure on STS', async () => {
    sandbox.faults.failNext('500', 2);
    const s3 = await failureOf(s3Client(sandbox, PRICING_KEY).send(new HeadBucketCommand({Bucket: BILLING_BUCKET})));
    assert.equal(s3.status, 500);
    const sts = await failureOf(stsClient(sandbox, PRICING_KEY).send(new GetCallerIdentityCommand({})));
    assert.equal(sts.name, 'InternalFailure');
    assert.equal(sts.status, 500);
  });

  it('answers a skewed clock as S3 and STS do, with a server time 20 minutes ahead, for as many attempts as queued', async () => {
    sandbox.faults.failNext('skew', 2);
    const s3 = await failureOf(
      s3Client(sandbox, PRICING_KEY, 'us-east-1', {maxAttempts: 2}).send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/'})),
    );
    assert.deepEqual([s3.name, s3.status], ['RequestTimeTooSkewed', 403]);
    assert.equal((s3.error['$metadata'] as {attempts?: number}).attempts, 2, 'the SDK corrected its clock and retried once');
    assert.equal(Date.parse(String(s3.error['ServerTime'])) - Date.parse(String(s3.error['RequestTime'])), SKEW_MS);

    sandbox.faults.failNext('skew');
    const sts = await failureOf(stsClient(sandbox, PRICING_KEY).send(new GetCallerIdentityCommand({})));
    assert.deepEqual([sts.name, sts.status], ['SignatureDoesNotMatch', 403]);
    assert.match(sts.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it('counts requests by operation', async () => {
    const before = sandbox.stats.requests;
    await stsClient(sandbox, PRICING_KEY).send(new GetCallerIdentityCommand({}));
    await s3Client(sandbox, PRICING_KEY).send(headBucket);
    assert.equal(sandbox.stats.requests, before + 2);
    assert.ok((sandbox.stats.byOperation['GetCallerIdentity'] ?? 0) >= 1);
  });
});
