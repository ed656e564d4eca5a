/**
 * The sandbox build loaded by hand (no sandbox-endpoints.json in its folder) reaches `npm run sandbox` at its default
 * ports. The BUILT worker (dist/sandbox-chrome/background.js) runs in Node with a fetch that records where each
 * request goes: requests to the default endpoints are carried to a simulated AWS on free ports (this test must not
 * take the default ports, which a running `npm run sandbox` or another test may hold), with their Host header, so
 * signatures still verify; anything else for AWS is refused rather than sent to the real AWS.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from '../sandbox/aws/index.ts';
import {PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import {loadScenario} from '../sandbox/scenario.ts';
import {DEFAULT_AWS_ENDPOINTS} from '../sandbox/server.ts';
import type {Verdict} from '../src/aws/types.ts';
import {carryRequest} from './helpers/carry-request.ts';
import {loadWorkerBundle} from './helpers/load-worker-bundle.ts';

const consoleOrigin = 'http://127.0.0.1:9';
const consoleSender = {id: 'boaextensionidfortests', url: `${consoleOrigin}/ui/#/enterprises`, tab: {id: 7} as chrome.tabs.Tab, frameId: 0};

describe('the sandbox build without an endpoints file', () => {
  let aws: AwsSandbox;
  let worker: Awaited<ReturnType<typeof loadWorkerBundle>>;
  const realFetch = globalThis.fetch;
  const reached: string[] = [];

  before(async () => {
    aws = await startAws(loadScenario('happy-path').aws as never);
    const freePorts: Record<string, number> = {
      [DEFAULT_AWS_ENDPOINTS.s3]: Number(new URL(aws.s3Url).port),
      [DEFAULT_AWS_ENDPOINTS.sts]: Number(new URL(aws.stsUrl).port),
      [DEFAULT_AWS_ENDPOINTS.cur]: Number(new URL(aws.curUrl).port),
    };
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      const {origin, protocol, hostname} = new URL(request.url);
      if (protocol === 'http:' || protocol === 'https:') reached.push(origin);
      const port = freePorts[origin];
      if (port !== undefined) return carryRequest(request, port);
      if (hostname.endsWith('amazonaws.com') || hostname === '127.0.0.1') throw new TypeError(`fetch failed: ${origin} is not the sandbox's default endpoint`);
      return realFetch(input, init);
    };
    worker = await loadWorkerBundle({grantedOrigins: ['https://*.amazonaws.com/*', 'http://127.0.0.1/*']});
    await worker.chrome.storage.local.set({enabledConsoles: [consoleOrigin]});
  });
  after(async () => {
    globalThis.fetch = realFetch;
    await aws.close();
  });

  it('verifies the happy path against the simulated AWS at the default ports, and sends nothing anywhere else', async () => {
    const port = worker.connect('aws/verify', consoleSender);
    const verdict = await new Promise<Verdict>((resolve, reject) => {
      port.onDisconnect.addListener(() => reject(new Error('the worker disconnected')));
      port.onMessage.addListener((message: {type: string; verdict?: Verdict; code?: string}) => {
        if (message.type === 'verdict') resolve(message.verdict!);
        if (message.type === 'error') reject(new Error(message.code));
      });
      port.postMessage({type: 'start', input: {keys: PRICING_KEY, bucket: 's3://acme-billing-reports/cur/abiquo-hourly/'}});
    });
    assert.deepEqual(
      verdict.checks.filter((c) => c.status === 'fail').map((c) => c.code),
      [],
    );
    assert.equal(verdict.identity?.userName, 'abiquo-billing-user');
    assert.equal(verdict.report?.compression, 'GZIP');
    const origins = new Set(reached);
    assert.ok(origins.has(DEFAULT_AWS_ENDPOINTS.sts), `STS reached at ${DEFAULT_AWS_ENDPOINTS.sts}: ${[...origins].join(', ')}`);
    assert.ok(origins.has(DEFAULT_AWS_ENDPOINTS.s3), `S3 reached at ${DEFAULT_AWS_ENDPOINTS.s3}: ${[...origins].join(', ')}`);
    const defaults = new Set<string>(Object.values(DEFAULT_AWS_ENDPOINTS));
    assert.deepEqual(
      [...origins].filter((origin) => !defaults.has(origin)),
      [],
      'no request left for another host',
    );
  });
});
