/**
 * A period's report files in S3, through the real SDK against a small local S3 that answers what each test says:
 * the manifest's keys, their sizes, each body streamed, and S3's refusals typed.
 */
import {S3Client} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach, describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import {readReport} from './read-report.ts';
import {s3ReportSource, type S3Report} from './s3-report-source.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const BUCKET = 'acme-billing-reports';
const PERIOD = '20250301-20250401';
const FOLDER = `cur/abiquo-hourly/${PERIOD}`;
const MANIFEST = `${FOLDER}/abiquo-hourly-Manifest.json`;
const KEYS = [`${FOLDER}/a1b2/abiquo-hourly-00001.csv.gz`, `${FOLDER}/a1b2/abiquo-hourly-00002.csv.gz`];

const csv = (rows: string) => `bill/PayerAccountId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UnblendedCost\n${rows}`;
const FILES = [gzipSync(csv('111111111111,111111111111,Usage,1.2500000000\n')), gzipSync(csv('111111111111,222222222222,Tax,0.5000000000\n'))];

type Handler = (request: IncomingMessage, response: ServerResponse, key: string) => void;

/** Answers each request by its key (path-style: /bucket/key); `routes` is set per test. Records what was asked. */
let routes: Record<string, Handler> = {};
const asked: string[] = [];
const server = createServer((request, response) => {
  const key = decodeURIComponent(new URL(request.url!, 'http://s3').pathname.slice(`/${BUCKET}/`.length));
  asked.push(`${request.method} ${key}`);
  const handler = routes[key];
  if (handler) return handler(request, response, key);
  s3Error('NoSuchKey', 404)(request, response, key);
});
let s3: S3Client;

const object =
  (body: Buffer | string): Handler =>
  (request, response) => {
    response.writeHead(200, {'Content-Length': Buffer.byteLength(body), 'Content-Type': 'application/octet-stream'});
    response.end(request.method === 'HEAD' ? undefined : body);
  };

/** S3's error: XML with its code, except to HEAD (no body, the status alone). */
const s3Error =
  (code: string, status: number): Handler =>
  (request, response, key) => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>-</Message><Key>${key}</Key></Error>`;
    response.writeHead(status, {'Content-Type': 'application/xml', ...(request.method === 'HEAD' ? {} : {'Content-Length': Buffer.byteLength(body)})});
    response.end(request.method === 'HEAD' ? undefined : body);
  };

const manifest = (reportKeys: unknown) => object(JSON.stringify({reportName: 'abiquo-hourly', bucket: BUCKET, account: '111111111111', reportKeys}));

const REPORT: S3Report = {bucket: BUCKET, prefix: 'cur', reportName: 'abiquo-hourly', billingPeriod: PERIOD, compression: 'GZIP'};

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forcePathStyle: true,
    credentials: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'},
    maxAttempts: 1,
  });
});

after(async () => {
  s3.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  routes = {[MANIFEST]: manifest(KEYS), [KEYS[0]!]: object(FILES[0]!), [KEYS[1]!]: object(FILES[1]!)};
  asked.length = 0;
});

describe('s3ReportSource', () => {
  it('gives the manifest’s files in its order, with their sizes, each read as a stream by readReport', async () => {
    const source = await s3ReportSource(s3, REPORT);
    assert.ok(source.ok);
    assert.deepEqual(
      source.value.files.map((f) => [f.key, f.size]),
      [
        [KEYS[0], FILES[0]!.length],
        [KEYS[1], FILES[1]!.length],
      ],
    );
    assert.deepEqual([source.value.period, source.value.compression], [PERIOD, 'GZIP']);
    const preview = await readReport(source.value, {basis: 'unblended'});
    assert.ok(preview.ok);
    assert.deepEqual(
      preview.value.accounts.map((a) => [a.accountId, a.cost, a.taxes]),
      [
        ['111111111111', 1.25, 0],
        ['222222222222', 0.5, 0.5],
      ],
    );
    assert.equal(preview.value.bytes, FILES[0]!.length + FILES[1]!.length);
  });

  it('finds the manifest under the report folder discovery found (a leading slash), or at the bucket root', async () => {
    routes = {[`/abiquo-hourly/${PERIOD}/abiquo-hourly-Manifest.json`]: manifest([]), [`abiquo-hourly/${PERIOD}/abiquo-hourly-Manifest.json`]: manifest([])};
    await s3ReportSource(s3, {...REPORT, prefix: '', folder: '/abiquo-hourly/'});
    await s3ReportSource(s3, {...REPORT, prefix: ''});
    assert.deepEqual(asked, [`GET /abiquo-hourly/${PERIOD}/abiquo-hourly-Manifest.json`, `GET abiquo-hourly/${PERIOD}/abiquo-hourly-Manifest.json`]);
  });

  it('fails PREVIEW_READ_DENIED when S3 refuses the manifest, PREVIEW_READ_FAILED with the error otherwise', async () => {
    routes[MANIFEST] = s3Error('AccessDenied', 403);
    assert.deepEqual(await s3ReportSource(s3, REPORT), {ok: false, code: 'PREVIEW_READ_DENIED', facts: {bucket: BUCKET, key: MANIFEST}});
    delete routes[MANIFEST];
    assert.deepEqual(await s3ReportSource(s3, REPORT), {
      ok: false,
      code: 'PREVIEW_READ_FAILED',
      facts: {bucket: BUCKET, key: MANIFEST, error: 'NoSuchKey', status: '404'},
    });
  });

  it('fails PREVIEW_READ_DENIED, naming the file, when S3 refuses to say a file’s size', async () => {
    routes[KEYS[1]!] = s3Error('AccessDenied', 403);
    assert.deepEqual(await s3ReportSource(s3, REPORT), {ok: false, code: 'PREVIEW_READ_DENIED', facts: {bucket: BUCKET, key: KEYS[1]}});
  });

  it('fails PREVIEW_CORRUPT on a manifest that is not one, PREVIEW_NO_DATA on one that names no file', async () => {
    routes[MANIFEST] = object('{"reportKeys": "not a list"');
    assert.deepEqual(await s3ReportSource(s3, REPORT), {ok: false, code: 'PREVIEW_CORRUPT', facts: {key: MANIFEST}});
    routes[MANIFEST] = manifest([]);
    assert.deepEqual(await s3ReportSource(s3, REPORT), {ok: false, code: 'PREVIEW_NO_DATA', facts: {period: PERIOD}});
  });

  it('has a file that S3 refuses to give fail PREVIEW_READ_DENIED when read', async () => {
    const source = await s3ReportSource(s3, REPORT);
    assert.ok(source.ok);
    routes[KEYS[1]!] = s3Error('AccessDenied', 403);
    assert.deepEqual(await readReport(source.value, {basis: 'unblended'}), {ok: false, code: 'PREVIEW_READ_DENIED', facts: {key: KEYS[1], bucket: BUCKET}});
  });

  it('ends PREVIEW_CANCELLED when aborted mid-download, and the download’s connection is closed', async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    let sending!: () => void;
    const isSending = new Promise<void>((resolve) => (sending = resolve));
    const big = gzipSync(csv('111111111111,111111111111,Usage,1.2500000000\n'.repeat(100_000)));
    routes[KEYS[0]!] = (request, response) => {
      response.writeHead(200, {'Content-Length': big.length});
      if (request.method === 'HEAD') return void response.end();
      // Half the file, then nothing more: only the abort ends the reading.
      response.write(big.subarray(0, big.length / 2), () => sending());
      response.on('close', () => closed());
    };
    const source = await s3ReportSource(s3, REPORT);
    assert.ok(source.ok);
    const controller = new AbortController();
    const reading = readReport(source.value, {basis: 'unblended', signal: controller.signal});
    await isSending;
    controller.abort();
    assert.deepEqual(await reading, {ok: false, code: 'PREVIEW_CANCELLED'});
    await connectionClosed;
    assert.ok(!asked.includes(`GET ${KEYS[1]}`));
  });

  it('ends PREVIEW_CANCELLED when aborted while the manifest is read', async () => {
    const controller = new AbortController();
    routes[MANIFEST] = () => controller.abort();
    assert.deepEqual(await s3ReportSource(s3, REPORT, controller.signal), {ok: false, code: 'PREVIEW_CANCELLED'});
  });
});
