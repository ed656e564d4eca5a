// Keys that begin with `/`: what AWS writes when a report's path prefix is empty (docs/console-compatibility.md #30).
// The SDK sends them as `/<bucket>//<key…>` (path-style) or `//<key…>` on `<bucket>.<host>` (virtual-hosted); S3
// keeps the empty segment, so `/abiquo-hourly/x` and `abiquo-hourly/x` are two keys and a delimiter listing of the
// root shows the common prefix `/`.
import {DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {gunzipSync} from 'node:zlib';
import {LEGACY_CUR_COLUMNS} from './cur-legacy-columns.ts';
import {BILLING_BUCKET, PRICING_KEY} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, failureOf, s3Client, virtualHostedS3Client} from './test-support.ts';

const WRITER = {accessKeyId: 'AKIAWRITERKEYEXAMPLE', secretAccessKey: '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'};

async function list(client: S3Client, prefix: string | undefined): Promise<{prefixes: string[]; keys: string[]}> {
  const answer = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Delimiter: '/', ...(prefix === undefined ? {} : {Prefix: prefix})}));
  return {prefixes: (answer.CommonPrefixes ?? []).map((p) => p.Prefix!), keys: (answer.Contents ?? []).map((c) => c.Key!)};
}

const text = async (client: S3Client, key: string): Promise<string> =>
  (await client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: key}))).Body!.transformToString();

describe('keys that begin with / (leading-slash scenario)', () => {
  let sandbox: AwsSandbox;
  let client: S3Client;
  before(async () => {
    const aws = awsScenario('leading-slash');
    aws.users.push({
      account: '123456789012',
      name: 'writer',
      ...WRITER,
      permissions: {'s3:*': [`arn:aws:s3:::${BILLING_BUCKET}`, `arn:aws:s3:::${BILLING_BUCKET}/*`]},
    });
    sandbox = await startAws(aws);
    client = s3Client(sandbox, PRICING_KEY);
  });
  after(() => sandbox?.close());

  it('lists the root as the single common prefix /, then /abiquo-hourly/ and the access-test object under it', async () => {
    assert.deepEqual(await list(client, undefined), {prefixes: ['/'], keys: []});
    assert.deepEqual(await list(client, '/'), {prefixes: ['/abiquo-hourly/'], keys: ['/aws-programmatic-access-test-object']});
    const periods = await list(client, '/abiquo-hourly/');
    assert.equal(periods.prefixes.length, 3);
    assert.ok(
      periods.prefixes.every((p) => /^\/abiquo-hourly\/\d{8}-\d{8}\/$/.test(p)),
      periods.prefixes.join(' '),
    );
    assert.deepEqual(await list(client, 'abiquo-hourly/'), {prefixes: [], keys: []});
  });

  it('serves the manifest and data files with GET and HEAD; the manifest names the leading-slash keys', async () => {
    const newest = (await list(client, '/abiquo-hourly/')).prefixes.at(-1)!;
    const manifestKey = `${newest}abiquo-hourly-Manifest.json`;
    const manifest = JSON.parse(await text(client, manifestKey)) as {reportKeys: string[]; reportName: string};
    assert.equal(manifest.reportName, 'abiquo-hourly');
    const dataKey = manifest.reportKeys[0]!;
    assert.match(dataKey, /^\/abiquo-hourly\/\d{8}-\d{8}\/[0-9a-f-]{36}\/abiquo-hourly-1\.csv\.gz$/);
    const data = await client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: dataKey}));
    assert.equal(
      gunzipSync(await data.Body!.transformToByteArray())
        .toString()
        .split('\n')[0],
      LEGACY_CUR_COLUMNS.join(','),
    );
    const head = await client.send(new HeadObjectCommand({Bucket: BILLING_BUCKET, Key: manifestKey}));
    const listed = (await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: manifestKey}))).Contents![0]!;
    assert.deepEqual([head.ETag, head.ContentLength, head.LastModified?.getTime()], [listed.ETag, listed.Size, listed.LastModified?.getTime()]);
  });

  it('answers a missing key with an XML 404 NoSuchKey naming that key, with or without the slash', async () => {
    const newest = (await list(client, '/abiquo-hourly/')).prefixes.at(-1)!;
    const writer = s3Client(sandbox, WRITER);
    for (const key of [`${newest}nothing-here.json`, `${newest.slice(1)}abiquo-hourly-Manifest.json`]) {
      const failure = await failureOf(writer.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: key})));
      assert.deepEqual([failure.name, failure.status, failure.error['Key']], ['NoSuchKey', 404, key]);
    }
    const head = await failureOf(client.send(new HeadObjectCommand({Bucket: BILLING_BUCKET, Key: `${newest}nothing-here.json`})));
    assert.deepEqual([head.name, head.status], ['NotFound', 404]);
  });

  it('refuses the key without its slash to a policy on arn:aws:s3:::bucket//abiquo-hourly/* (another resource)', async () => {
    const newest = (await list(client, '/abiquo-hourly/')).prefixes.at(-1)!;
    const failure = await failureOf(client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: `${newest.slice(1)}abiquo-hourly-Manifest.json`})));
    assert.deepEqual([failure.name, failure.status], ['AccessDenied', 403]);
  });

  it('keeps /x, //x and x as three objects written with PutObject, each listed, read, headed and deleted on its own', async () => {
    const writer = s3Client(sandbox, WRITER);
    const keys = ['/uploads/note.txt', '//uploads/note.txt', 'uploads/note.txt'];
    for (const key of keys) await writer.send(new PutObjectCommand({Bucket: BILLING_BUCKET, Key: key, Body: `body of ${key}`, ContentType: 'text/plain'}));
    for (const key of keys) {
      assert.equal(await text(writer, key), `body of ${key}`);
      const head = await writer.send(new HeadObjectCommand({Bucket: BILLING_BUCKET, Key: key}));
      assert.deepEqual([head.ContentLength, head.ContentType], [`body of ${key}`.length, 'text/plain']);
    }
    assert.deepEqual(await list(writer, undefined), {prefixes: ['/', 'uploads/'], keys: []});
    assert.deepEqual(await list(writer, '/'), {prefixes: ['//', '/abiquo-hourly/', '/uploads/'], keys: ['/aws-programmatic-access-test-object']});
    assert.deepEqual(await list(writer, '//'), {prefixes: ['//uploads/'], keys: []});
    assert.deepEqual(await list(writer, '/uploads/'), {prefixes: [], keys: ['/uploads/note.txt']});
    await writer.send(new DeleteObjectCommand({Bucket: BILLING_BUCKET, Key: '//uploads/note.txt'}));
    assert.deepEqual(await list(writer, '//'), {prefixes: [], keys: []});
    assert.equal((await failureOf(writer.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: '//uploads/note.txt'})))).name, 'NoSuchKey');
    assert.equal(await text(writer, '/uploads/note.txt'), 'body of /uploads/note.txt');
  });

  it('serves the same keys to a virtual-hosted-style client (Host: <bucket>.localhost, path //abiquo-hourly/…)', async () => {
    const {client: vhost, hosts} = virtualHostedS3Client(sandbox, PRICING_KEY);
    assert.deepEqual(await list(vhost, '/'), await list(client, '/'));
    const newest = (await list(vhost, '/abiquo-hourly/')).prefixes.at(-1)!;
    const manifest = JSON.parse(await text(vhost, `${newest}abiquo-hourly-Manifest.json`)) as {reportName: string};
    assert.equal(manifest.reportName, 'abiquo-hourly');
    assert.ok(hosts.length === 3 && hosts.every((h) => h === `${BILLING_BUCKET}.localhost`), hosts.join(' '));
  });
});
