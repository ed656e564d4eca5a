// Virtual-hosted-style addressing (`Host: <bucket>.<host>:<port>`) next to path-style, dotted bucket names included.
// Over HTTP with a custom endpoint the SDK puts even a dotted name in the host (it falls back to path-style only over
// HTTPS, where the wildcard certificate would not match); the signature covers that Host header.
import {GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PRICING_KEY} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {virtualHostBucket} from './s3-proxy.ts';
import type {AwsBucket} from './scenario-types.ts';
import {awsScenario, failureOf, s3Client, virtualHostedS3Client} from './test-support.ts';

const DOTTED = 'acme.billing.reports';

describe('virtual-hosted-style requests (dotted-bucket scenario)', () => {
  let sandbox: AwsSandbox;
  before(async () => {
    sandbox = await startAws(awsScenario('dotted-bucket'));
  });
  after(() => sandbox?.close());

  it('serves HeadBucket, GetBucketLocation, ListObjectsV2 and GetObject on acme.billing.reports.localhost', async () => {
    const {client, hosts} = virtualHostedS3Client(sandbox, PRICING_KEY);
    assert.equal((await client.send(new HeadBucketCommand({Bucket: DOTTED}))).BucketRegion, 'us-east-1');
    assert.equal((await client.send(new GetBucketLocationCommand({Bucket: DOTTED}))).LocationConstraint ?? '', '');
    const periods = await client.send(new ListObjectsV2Command({Bucket: DOTTED, Prefix: 'cur/abiquo-hourly/', Delimiter: '/'}));
    assert.equal(periods.CommonPrefixes?.length, 3);
    const manifestKey = `${periods.CommonPrefixes!.at(-1)!.Prefix}abiquo-hourly-Manifest.json`;
    const manifest = JSON.parse(await (await client.send(new GetObjectCommand({Bucket: DOTTED, Key: manifestKey}))).Body!.transformToString()) as {
      bucket: string;
    };
    assert.equal(manifest.bucket, DOTTED);
    assert.ok(hosts.length === 4 && hosts.every((h) => h === `${DOTTED}.localhost`), hosts.join(' '));
  });

  it('serves the same bucket path-style (/acme.billing.reports/…), with the same answers', async () => {
    const path = s3Client(sandbox, PRICING_KEY);
    const {client: vhost} = virtualHostedS3Client(sandbox, PRICING_KEY);
    const request = {Bucket: DOTTED, Prefix: 'cur/', Delimiter: '/'};
    const [a, b] = [await path.send(new ListObjectsV2Command(request)), await vhost.send(new ListObjectsV2Command(request))];
    assert.deepEqual([a.CommonPrefixes, a.Contents?.map((c) => c.Key)], [b.CommonPrefixes, b.Contents?.map((c) => c.Key)]);
  });

  it('checks the signature over the Host header it received: a wrong secret is 403 SignatureDoesNotMatch', async () => {
    const {client} = virtualHostedS3Client(sandbox, {...PRICING_KEY, secretAccessKey: `${PRICING_KEY.secretAccessKey.slice(0, 39)}X`});
    const failure = await failureOf(client.send(new ListObjectsV2Command({Bucket: DOTTED, Prefix: 'cur/'})));
    assert.deepEqual([failure.name, failure.status], ['SignatureDoesNotMatch', 403]);
  });

  it('answers a bucket the scenario lacks, named in the host, with 404 NoSuchBucket', async () => {
    const {client} = virtualHostedS3Client(sandbox, PRICING_KEY);
    const failure = await failureOf(client.send(new ListObjectsV2Command({Bucket: 'acme.other.bucket', Prefix: 'cur/'})));
    assert.deepEqual([failure.name, failure.status, failure.error['BucketName']], ['NoSuchBucket', 404, 'acme.other.bucket']);
  });

  it('answers a key path of / on the bucket host as a bucket request, not an object', async () => {
    const {client} = virtualHostedS3Client(sandbox, PRICING_KEY);
    const listing = await client.send(new ListObjectsV2Command({Bucket: DOTTED, Delimiter: '/'}));
    assert.deepEqual(
      listing.CommonPrefixes?.map((p) => p.Prefix),
      ['cur/'],
    );
  });
});

describe('virtualHostBucket', () => {
  const buckets = [{name: 'acme'}, {name: 'acme.billing.reports'}, {name: 'acme.billing'}] as AwsBucket[];
  it('takes the longest scenario bucket the host starts with, S3 and .localhost names, and nothing from IPs or bare hosts', () => {
    assert.equal(virtualHostBucket('acme.billing.reports.localhost:4566', buckets), 'acme.billing.reports');
    assert.equal(virtualHostBucket('acme.billing.localhost', buckets), 'acme.billing');
    assert.equal(virtualHostBucket('acme.s3.eu-west-1.amazonaws.com', buckets), 'acme');
    assert.equal(virtualHostBucket('other.bucket.s3.eu-west-1.amazonaws.com', buckets), 'other.bucket');
    assert.equal(virtualHostBucket('other.s3-eu-west-1.amazonaws.com', buckets), 'other');
    assert.equal(virtualHostBucket('nope.localhost:9000', buckets), 'nope');
    for (const host of ['127.0.0.1:9000', 'localhost:9000', '[::1]:9000', 's3.amazonaws.com', 's3.eu-west-1.amazonaws.com', undefined]) {
      assert.equal(virtualHostBucket(host, buckets), undefined, String(host));
    }
  });
});
