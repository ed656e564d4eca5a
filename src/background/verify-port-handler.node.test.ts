/** The worker's end of the `aws/verify` port, against the simulated AWS: streaming, restarts, refusals, disconnects. */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from '../../sandbox/aws/index.ts';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {AwsScenario} from '../../sandbox/aws/scenario-types.ts';
import {loadScenario} from '../../sandbox/scenario.ts';
import type {SetupInput} from '../aws/types.ts';
import type {VerifyPortResponse} from '../messaging/protocol.ts';
import {handleVerifyPort, type PortLike} from './verify-port-handler.ts';

const base: SetupInput = {
  keys: PRICING_KEY,
  expectedUserName: 'abiquo-billing-user',
  bucket: 'acme-billing-reports',
  prefix: 'cur',
  reportName: 'abiquo-hourly',
};

let aws: AwsSandbox;
before(async () => {
  aws = await startAws(loadScenario('happy-path').aws as unknown as AwsScenario);
});
after(() => aws.close());

function fakePort(name: string) {
  const posted: VerifyPortResponse[] = [];
  const messageListeners: ((m: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const postListeners: ((m: VerifyPortResponse) => void)[] = [];
  const port: PortLike = {
    name,
    postMessage: (m) => {
      posted.push(m);
      postListeners.forEach((l) => l(m));
    },
    onMessage: {addListener: (l) => messageListeners.push(l)},
    onDisconnect: {addListener: (l) => disconnectListeners.push(l)},
  };
  return {
    port,
    posted,
    send: (m: unknown) => messageListeners.forEach((l) => l(m)),
    disconnect: () => disconnectListeners.forEach((l) => l()),
    /** Called with each message as it is posted. */
    onPost: (listener: (m: VerifyPortResponse) => void) => postListeners.push(listener),
    /** The first verdict, as soon as it is posted. */
    verdict: () =>
      new Promise<Extract<VerifyPortResponse, {type: 'verdict'}>>((resolve) => {
        const take = (m: VerifyPortResponse) => m.type === 'verdict' && resolve(m);
        posted.forEach(take);
        postListeners.push(take);
      }),
  };
}

describe('the aws/verify port', () => {
  it('streams checks then the verdict, and only the last start answers', async () => {
    const {port, posted, send, verdict} = fakePort('aws/verify');
    assert.equal(handleVerifyPort(port, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl}}), true);
    send({type: 'start', input: {...base, reportName: 'first-report'}});
    send({type: 'start', input: base});
    await verdict();
    const verdicts = posted.filter((m) => m.type === 'verdict');
    assert.equal(verdicts.length, 1);
    assert.equal(verdicts[0]!.type === 'verdict' && verdicts[0]!.verdict.report?.reportName, 'abiquo-hourly');
    assert.ok(posted.filter((m) => m.type === 'check').length >= 5);
    assert.ok(!posted.some((m) => m.type === 'check' && m.check.code === 'REPORT_NOT_FOUND'));
    assert.ok(!JSON.stringify(posted).includes(PRICING_KEY.secretAccessKey), 'the secret was echoed');
  });
  it('rejects a malformed message and ignores ports with another name', () => {
    const {port, posted, send} = fakePort('aws/verify');
    handleVerifyPort(port);
    send({type: 'start'});
    send({type: 'start', input: {...base, bucket: 42}});
    send({type: 'start', input: {...base, endpoint: 'https://attacker.example'}});
    send({type: 'start', input: {...base, keys: {...base.keys, sessionToken: 'x'}}});
    send({type: 'start', input: {...base, prefix: 'p'.repeat(5000)}});
    assert.deepEqual(posted, Array(5).fill({type: 'error', code: 'INVALID_MESSAGE'}));
    assert.equal(handleVerifyPort(fakePort('other').port), false);
  });
  it('posts nothing after the port disconnects, and the disconnected run sends no request', async () => {
    const endpoints = {s3: aws.s3Url, sts: aws.stsUrl, cur: aws.curUrl};
    const requestsBefore = aws.stats.requests;
    // The port goes away in the middle of a run: as its first check (the key format, before any request) is posted.
    const gone = fakePort('aws/verify');
    const firstPost = new Promise<void>((resolve) =>
      gone.onPost(() => {
        gone.disconnect();
        resolve();
      }),
    );
    handleVerifyPort(gone.port, {endpoints});
    gone.send({type: 'start', input: base});
    await firstPost;
    assert.deepEqual(
      gone.posted.map((m) => m.type === 'check' && m.check.code),
      ['KEY_FORMAT_OK'],
    );
    // The known later event: a whole verification started after the disconnect, through requests to the same
    // simulated AWS, reaches its verdict. The aborted run would have been well into its own requests by then.
    const later = fakePort('aws/verify');
    handleVerifyPort(later.port, {endpoints});
    later.send({type: 'start', input: base});
    const {verdict} = await later.verdict();
    assert.equal(verdict.report?.reportName, 'abiquo-hourly');
    assert.deepEqual(
      gone.posted.map((m) => m.type),
      ['check'],
      'a message was posted after the disconnect',
    );
    assert.equal(aws.stats.requests - requestsBefore, verdict.requests, 'the disconnected run sent requests');
  });
});
