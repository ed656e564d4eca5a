// Bulk filler objects are held in memory by the proxy (seed.ts): they must answer like stored ones, after the same
// signature and permission checks.
import {GetObjectCommand, HeadObjectCommand, ListObjectsV2Command} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from './index.ts';
import type {AwsScenario} from './scenario-types.ts';
import {s3Client} from './test-support.ts';

const reader = {accessKeyId: 'AKIALOGREADEREXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLOGEXAMPLE'};
const lister = {accessKeyId: 'AKIALOGLISTEREXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLSTEXAMPLE'};
const scenario: AwsScenario = {
  accounts: [{id: '123456789012'}],
  users: [
    {
      account: '123456789012',
      name: 'log-reader',
      ...reader,
      permissions: {'s3:ListBucket': ['arn:aws:s3:::acme-logs'], 's3:GetObject': ['arn:aws:s3:::acme-logs/*']},
    },
    {account: '123456789012', name: 'log-lister', ...lister, permissions: {'s3:ListBucket': ['arn:aws:s3:::acme-logs']}},
  ],
  buckets: [{name: 'acme-logs', region: 'us-east-1', account: '123456789012', contents: [{type: 'bulk', prefix: 'logs/', count: 25}]}],
} as AwsScenario;

describe('bulk objects held in memory', () => {
  let sandbox: AwsSandbox;
  before(async () => (sandbox = await startAws(scenario)));
  after(() => sandbox?.close());

  it('are listed, read and headed like stored objects, with the listed ETag and size', async () => {
    const s3 = s3Client(sandbox, reader);
    const listed = await s3.send(new ListObjectsV2Command({Bucket: 'acme-logs', Prefix: 'logs/'}));
    assert.equal(listed.KeyCount, 25);
    const first = listed.Contents![0]!;
    const got = await s3.send(new GetObjectCommand({Bucket: 'acme-logs', Key: first.Key}));
    const body = await got.Body!.transformToString();
    assert.match(body, /REST\.GET\.OBJECT/);
    assert.equal(got.ETag, first.ETag);
    assert.equal(got.ContentLength, first.Size);
    const head = await s3.send(new HeadObjectCommand({Bucket: 'acme-logs', Key: first.Key}));
    assert.equal(head.ETag, first.ETag);
  });

  it('are refused (403) to a key without s3:GetObject, as stored objects are', async () => {
    const listed = await s3Client(sandbox, lister).send(new ListObjectsV2Command({Bucket: 'acme-logs', Prefix: 'logs/', MaxKeys: 1}));
    await assert.rejects(
      s3Client(sandbox, lister).send(new GetObjectCommand({Bucket: 'acme-logs', Key: listed.Contents![0]!.Key})),
      (e: {name: string; $metadata: {httpStatusCode: number}}) => {
        assert.equal(e.name, 'AccessDenied');
        assert.equal(e.$metadata.httpStatusCode, 403);
        return true;
      },
    );
  });
});
