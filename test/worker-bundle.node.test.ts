/**
 * The BUILT service-worker bundles, evaluated in Node — which, like a service worker, has no DOM — answer real
 * verifications against the simulated AWS: the sandbox bundle (dist/sandbox-chrome/background.js) at the
 * simulation's URLs, the release bundles (dist/chrome, dist/firefox) at AWS's own host names, whose requests this
 * test carries to the simulation (nothing leaves the machine). Without the build's XML-parser fix the SDK throws
 * "DOMParser is not defined" on every STS/S3 answer and these fail.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from '../sandbox/aws/index.ts';
import {PAYER_ACCOUNT, PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import {loadScenario} from '../sandbox/scenario.ts';
import type {Verdict} from '../src/aws/types.ts';
import {carryRequest} from './helpers/carry-request.ts';
import {loadWorkerBundle, sandboxWorkerBundle} from './helpers/load-worker-bundle.ts';

const consoleOrigin = 'http://127.0.0.1:9';
const AWS_HOSTS = 'https://*.amazonaws.com/*';
const consoleSender = {id: 'boaextensionidfortests', url: `${consoleOrigin}/ui/#/enterprises`, tab: {id: 7} as chrome.tabs.Tab, frameId: 0};

async function verifyThroughBundle(
  worker: Awaited<ReturnType<typeof loadWorkerBundle>>,
  input: unknown,
  sender = consoleSender,
): Promise<{verdict?: Verdict; error?: string; checks: number; disconnected: boolean}> {
  const port = worker.connect('aws/verify', sender);
  let checks = 0;
  return new Promise((resolve) => {
    port.onDisconnect.addListener(() => resolve({checks, disconnected: true}));
    port.onMessage.addListener((message: {type: string; verdict?: Verdict; code?: string}) => {
      if (message.type === 'check') checks += 1;
      if (message.type === 'verdict') resolve({verdict: message.verdict!, checks, disconnected: false});
      if (message.type === 'error') resolve({error: message.code!, checks, disconnected: false});
    });
    port.postMessage({type: 'start', input});
  });
}

describe('the built service-worker bundle without a DOM', () => {
  let aws: AwsSandbox;
  let worker: Awaited<ReturnType<typeof loadWorkerBundle>>;

  before(async () => {
    aws = await startAws(loadScenario('happy-path').aws as never);
    worker = await loadWorkerBundle({
      files: {'sandbox-endpoints.json': JSON.stringify({s3: aws.s3Url, sts: aws.stsUrl})},
      // The manifest's fixed AWS host is granted at install; loopback is the sandbox build's.
      grantedOrigins: [AWS_HOSTS, 'http://127.0.0.1/*'],
    });
    await worker.chrome.storage.local.set({enabledConsoles: [consoleOrigin]});
  });
  after(async () => aws.close());

  it('contains no DOMParser and no DOM globals', () => {
    const source = readFileSync(sandboxWorkerBundle, 'utf8');
    assert.equal(/\bnew DOMParser\b/.test(source), false);
    assert.equal('DOMParser' in globalThis, false, 'the test runtime must have no DOM, like a service worker');
  });

  it('parses a successful STS GetCallerIdentity answer into the caller identity', async () => {
    const {verdict} = await verifyThroughBundle(worker, {keys: PRICING_KEY, expectedUserName: 'abiquo-billing-user'});
    assert.ok(verdict, 'a verdict came back');
    const identity = verdict.checks.find((c) => c.code === 'STS_IDENTITY_OK');
    assert.equal(identity?.status, 'pass');
    assert.equal(verdict.identity?.account, PAYER_ACCOUNT);
    assert.equal(verdict.identity?.userName, 'abiquo-billing-user');
  });

  it('parses an STS error answer into its code (wrong secret)', async () => {
    const wrong = {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGEXAMP'};
    const {verdict} = await verifyThroughBundle(worker, {keys: wrong});
    assert.ok(verdict);
    assert.deepEqual(
      verdict.checks.filter((c) => c.status === 'fail').map((c) => c.code),
      ['AWS_SECRET_MISMATCH'],
    );
    assert.equal(JSON.stringify(verdict).includes(wrong.secretAccessKey), false, 'the secret is never echoed');
  });

  it('parses S3 answers: the whole happy-path setup passes with a verified report', async () => {
    const {verdict, checks} = await verifyThroughBundle(worker, {keys: PRICING_KEY, bucket: 's3://acme-billing-reports/cur/abiquo-hourly/'});
    assert.ok(verdict);
    assert.deepEqual(
      verdict.checks.filter((c) => c.status === 'fail'),
      [],
    );
    assert.equal(verdict.report?.compression, 'GZIP');
    assert.ok(checks >= verdict.checks.length, 'checks streamed one by one before the verdict');
  });

  // The operators' CLI runs the same engine in Node (the SDK's Node build): both must reach the same verdicts.
  for (const [label, keys, bucket] of [
    ['the happy path', PRICING_KEY, 's3://acme-billing-reports/cur/abiquo-hourly/'],
    ['a whole-bucket discovery', PRICING_KEY, 'acme-billing-reports'],
    ['a wrong secret', {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGEXAMP'}, 'acme-billing-reports'],
    ['a bucket that does not exist', PRICING_KEY, 'no-such-billing-bucket'],
  ] as const) {
    it(`gives the same checks as npm run verify for ${label}`, async () => {
      const {verdict} = await verifyThroughBundle(worker, {keys, bucket, expectedUserName: 'abiquo-billing-user'});
      // Asynchronously: the simulated AWS answers from this very process.
      const cli = await promisify(execFile)(
        'node',
        [
          '--import',
          'tsx',
          'src/cli/verify.ts',
          '--json',
          '--access-key-id',
          keys.accessKeyId,
          '--bucket',
          bucket,
          '--s3-endpoint',
          aws.s3Url,
          '--sts-endpoint',
          aws.stsUrl,
        ],
        {
          cwd: new URL('..', import.meta.url),
          env: {...process.env, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey},
        },
      ).then(
        ({stdout}) => ({stdout, status: 0}),
        (error: {stdout: string; code: number}) => ({stdout: error.stdout, status: error.code}),
      );
      const fromCli = JSON.parse(cli.stdout) as {checks: {code: string; status: string}[]};
      const summary = (checks: readonly {code: string; status: string}[]) => checks.map((c) => `${c.code}:${c.status}`).sort();
      assert.ok(verdict);
      assert.deepEqual(summary(verdict.checks), summary(fromCli.checks));
      assert.equal(cli.status, verdict.checks.some((c) => c.status === 'fail') ? 1 : 0);
    });
  }

  it('says AWS access was turned off in the browser, and asks AWS nothing, when the AWS host permission is gone', async () => {
    worker.granted.delete(AWS_HOSTS);
    const before = aws.stats.requests;
    try {
      const {verdict} = await verifyThroughBundle(worker, {keys: PRICING_KEY, bucket: 'acme-billing-reports'});
      assert.deepEqual(
        verdict?.checks.map((c) => `${c.code}:${c.status}`),
        ['AWS_ACCESS_REVOKED:fail'],
      );
      assert.equal(aws.stats.requests, before, 'no request reached AWS');
    } finally {
      worker.granted.add(AWS_HOSTS);
    }
  });

  it('refuses a verification port from a page that is not an enabled console', async () => {
    const result = await verifyThroughBundle(worker, {keys: PRICING_KEY}, {...consoleSender, url: 'https://evil.example/'});
    assert.equal(result.disconnected, true);
    assert.equal(result.verdict, undefined);
  });

  it('refuses a verification port opened by another extension', async () => {
    const result = await verifyThroughBundle(worker, {keys: PRICING_KEY}, {...consoleSender, id: 'someotherextensionid'});
    assert.equal(result.disconnected, true);
  });

  it('answers typed requests only to allowed senders', async () => {
    const ping = {boa: 1, type: 'worker/ping', payload: {}};
    assert.deepEqual(await worker.sendMessage(ping, consoleSender), {ok: true, value: {sandbox: true}});
    assert.deepEqual(await worker.sendMessage(ping, {...consoleSender, id: 'someotherextensionid'}), {ok: false, code: 'SENDER_REJECTED'});
    const listFromPage = {boa: 1, type: 'origins/list', payload: {}};
    assert.deepEqual(await worker.sendMessage(listFromPage, consoleSender), {ok: false, code: 'SENDER_REJECTED'});
    assert.deepEqual(await worker.sendMessage({type: 'origins/list'}, consoleSender), {ok: false, code: 'INVALID_MESSAGE'});
    assert.deepEqual(
      await worker.sendMessage(
        {boa: 1, type: 'origins/enable', payload: {origin: 1}},
        {id: 'boaextensionidfortests', url: 'chrome-extension://boaextensionidfortests/options.html'},
      ),
      {ok: false, code: 'INVALID_MESSAGE'},
    );
  });
});

/** Where the release worker's requests for AWS's hosts are carried: the simulated STS, CUR API or S3. */
function simulatedService(aws: AwsSandbox, url: URL): number | undefined {
  if (url.protocol !== 'https:' || !url.hostname.endsWith('.amazonaws.com')) return undefined;
  const service = /^sts(?:\.[a-z0-9-]+)?\.amazonaws\.com$/.test(url.hostname)
    ? aws.stsUrl
    : /^cur\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname)
      ? aws.curUrl
      : /(?:^|\.)s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/.test(url.hostname)
        ? aws.s3Url
        : undefined;
  return service === undefined ? undefined : Number(new URL(service).port);
}

for (const browser of ['chrome', 'firefox'] as const) {
  describe(`the release service-worker bundle (dist/${browser}/background.js) without a DOM`, () => {
    const bundle = path.resolve(import.meta.dirname, `../dist/${browser}/background.js`);
    const releaseConsole = 'https://abiquo.example.com';
    const sender = {id: 'boaextensionidfortests', url: `${releaseConsole}/ui/#/enterprises`, tab: {id: 7} as chrome.tabs.Tab, frameId: 0};
    const realFetch = globalThis.fetch;
    const reached: string[] = [];
    let aws: AwsSandbox;
    let worker: Awaited<ReturnType<typeof loadWorkerBundle>>;

    before(async () => {
      aws = await startAws(loadScenario('happy-path').aws as never);
      globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        if (url.protocol === 'data:') return realFetch(input, init); // the package's own files (fake runtime.getURL)
        reached.push(url.origin);
        const port = simulatedService(aws, url);
        if (port === undefined) throw new TypeError(`fetch failed: ${url.origin} is not an AWS service this test simulates`);
        return carryRequest(request, port);
      };
      const catalogue = (language: string) => readFileSync(path.resolve(import.meta.dirname, `../dist/${browser}/_locales/${language}/messages.json`), 'utf8');
      worker = await loadWorkerBundle({
        bundle,
        files: {
          // A sandbox build would send AWS requests here: the release build must not even look.
          'sandbox-endpoints.json': JSON.stringify({s3: aws.s3Url, sts: aws.stsUrl, cur: aws.curUrl}),
          '_locales/en/messages.json': catalogue('en'),
          '_locales/es/messages.json': catalogue('es'),
        },
        grantedOrigins: [AWS_HOSTS, `${releaseConsole}/*`],
      });
      await worker.chrome.storage.local.set({enabledConsoles: [releaseConsole]});
    });
    after(async () => {
      globalThis.fetch = realFetch;
      await aws.close();
    });

    it('loads, registers every listener at its top level, and says it is no sandbox build', async () => {
      assert.equal(/\bnew DOMParser\b/.test(readFileSync(bundle, 'utf8')), false);
      const {runtime, permissions, tabs, webRequest} = worker.chrome;
      const counts = [
        runtime.onMessage,
        runtime.onConnect,
        runtime.onInstalled,
        runtime.onStartup,
        permissions.onAdded,
        permissions.onRemoved,
        tabs.onRemoved,
        tabs.onUpdated,
        webRequest.onCompleted,
      ].map((e) => e.listeners.length);
      assert.deepEqual(counts, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
      assert.deepEqual(await worker.sendMessage({boa: 1, type: 'worker/ping', payload: {}}, sender), {ok: true, value: {sandbox: false}});
    });

    it("verifies the happy path at AWS's own hosts over HTTPS, ignoring a sandbox-endpoints.json in its folder", async () => {
      reached.length = 0;
      const {verdict} = await verifyThroughBundle(
        worker,
        {keys: PRICING_KEY, bucket: 's3://acme-billing-reports/cur/abiquo-hourly/', expectedUserName: 'abiquo-billing-user'},
        sender,
      );
      assert.ok(verdict, 'a verdict came back');
      assert.deepEqual(
        verdict.checks.filter((c) => c.status === 'fail'),
        [],
      );
      assert.equal(verdict.identity?.account, PAYER_ACCOUNT);
      assert.equal(verdict.report?.compression, 'GZIP');
      const origins = [...new Set(reached)];
      assert.ok(origins.length > 0 && origins.every((o) => /^https:\/\/[a-z0-9.-]+\.amazonaws\.com$/.test(o)), origins.join(' '));
      assert.ok(origins.some((o) => o.includes('sts')) && origins.some((o) => o.includes('s3')), origins.join(' '));
    });

    it('parses an STS error answer into its code (wrong secret), never echoing the secret', async () => {
      const wrong = {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGEXAMP'};
      const {verdict} = await verifyThroughBundle(worker, {keys: wrong}, sender);
      assert.deepEqual(
        verdict?.checks.filter((c) => c.status === 'fail').map((c) => c.code),
        ['AWS_SECRET_MISMATCH'],
      );
      assert.equal(JSON.stringify(verdict).includes(wrong.secretAccessKey), false);
    });

    it('asks AWS nothing when the AWS host permission is turned off', async () => {
      worker.granted.delete(AWS_HOSTS);
      reached.length = 0;
      try {
        const {verdict} = await verifyThroughBundle(worker, {keys: PRICING_KEY, bucket: 'acme-billing-reports'}, sender);
        assert.deepEqual(
          verdict?.checks.map((c) => `${c.code}:${c.status}`),
          ['AWS_ACCESS_REVOKED:fail'],
        );
        assert.deepEqual(reached, []);
      } finally {
        worker.granted.add(AWS_HOSTS);
      }
    });

    it('refuses forged senders: a page that is not an enabled console, another extension', async () => {
      assert.equal((await verifyThroughBundle(worker, {keys: PRICING_KEY}, {...sender, url: 'https://evil.example/'})).disconnected, true);
      assert.equal((await verifyThroughBundle(worker, {keys: PRICING_KEY}, {...sender, id: 'someotherextensionid'})).disconnected, true);
      const ping = {boa: 1, type: 'worker/ping', payload: {}};
      assert.deepEqual(await worker.sendMessage(ping, {...sender, id: 'someotherextensionid'}), {ok: false, code: 'SENDER_REJECTED'});
      assert.deepEqual(await worker.sendMessage(ping, {...sender, url: 'https://evil.example/'}), {ok: false, code: 'SENDER_REJECTED'});
      assert.deepEqual(await worker.sendMessage({boa: 1, type: 'origins/list', payload: {}}, sender), {ok: false, code: 'SENDER_REJECTED'});
    });

    it('answers the console with the catalogue of its package, message texts only', async () => {
      const answer = (await worker.sendMessage({boa: 1, type: 'i18n/catalogue', payload: {language: 'es'}}, sender)) as {
        ok: boolean;
        value: {messages: Record<string, {message: string}>};
      };
      assert.equal(answer.ok, true);
      assert.equal(answer.value.messages['extension_name']?.message, 'AWS solo facturación para Abiquo');
      assert.ok(Object.values(answer.value.messages).every((entry) => Object.keys(entry).join() === 'message'));
    });
  });
}
