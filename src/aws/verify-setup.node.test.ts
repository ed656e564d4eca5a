/**
 * The engine against the simulated AWS (sandbox/aws): one test per check code the simulation can produce, and
 * the rule that no secret leaves in a result, a log line or an error. The worker's port around it is tested in
 * src/background/verify-port-handler.node.test.ts.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {startAws, type AwsSandbox} from '../../sandbox/aws/index.ts';
import {loadScenario} from '../../sandbox/scenario.ts';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import {S3Client} from '@aws-sdk/client-s3';
import {STSClient} from '@aws-sdk/client-sts';
import {verifySetup} from './verify-setup.ts';
import {RequestMeter} from './request-meter.ts';
import type {CheckCode} from './check-codes.ts';
import type {AwsScenario} from '../../sandbox/aws/scenario-types.ts';
import type {SetupInput, Verdict} from './types.ts';

const ROOT_KEY = {accessKeyId: 'AKIAROOTKEYSEXAMPLE7', secretAccessKey: 'Xq3vTz8MnB2kLp9RwYc4JhG7sDf1EXAMPLEKEYRT'};
const SECRETS = [PRICING_KEY.secretAccessKey, ROOT_KEY.secretAccessKey];
const base: SetupInput = {
  keys: PRICING_KEY,
  expectedUserName: 'abiquo-billing-user',
  bucket: 'acme-billing-reports',
  prefix: 'cur',
  reportName: 'abiquo-hourly',
};
/** The pricing keys alone, checked without a bucket. */
const {bucket: _bucket, ...keysOnly} = base;
/** Overrides of `base`; a field set to undefined is left out (e.g. `{bucket: undefined}`: keys only). */
type Overrides = {[K in keyof SetupInput]?: SetupInput[K] | undefined};
const withOverrides = (input: Overrides): SetupInput =>
  Object.fromEntries(Object.entries({...base, ...input}).filter(([, value]) => value !== undefined)) as unknown as SetupInput;

const sandboxes = new Map<string, Promise<AwsSandbox>>();
function sandbox(name: string): Promise<AwsSandbox> {
  if (!sandboxes.has(name)) sandboxes.set(name, startAws(loadScenario(name).aws as unknown as AwsScenario));
  return sandboxes.get(name)!;
}
after(async () => {
  for (const s of sandboxes.values()) await (await s).close();
});

// Every console line of the whole file, to prove no secret reaches the logs.
const logged: string[] = [];
before(() => {
  for (const level of ['log', 'debug', 'info', 'warn', 'error'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    };
  }
});

async function verify(scenario: string, input: Overrides = {}, timeoutMs?: number): Promise<Verdict> {
  const aws = await sandbox(scenario);
  return verifySetup(withOverrides(input), {endpoints: {s3: aws.s3Url, sts: aws.stsUrl}, ...(timeoutMs ? {timeoutMs} : {})});
}

/** With the simulated CUR API too, as the sandbox build of the extension calls it. */
async function verifyWithCur(scenario: string, input: Partial<SetupInput> = {}): Promise<Verdict> {
  const aws = await sandbox(scenario);
  return verifySetup({...base, ...input}, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl, cur: aws.curUrl}});
}

/** A report of the broken-reports scenario's bucket, one per way a setup breaks. */
const broken = (reportName: string) => verifyWithCur('broken-reports', {bucket: 'acme-broken-reports', reportName});
const READER_KEY = {accessKeyId: 'AKIAS3READERSEXAMPLE', secretAccessKey: 'rD8kQ2mXv5/Lp7TnWc3Hy9Bf4Zs6EXAMPLEKEYRD'};
const TEMPORARY_KEY = {accessKeyId: 'ASIATEMPSESSEXAMPLE2', secretAccessKey: 'kT9pLm2QwXz7RvB4nYc8HdJ3sFg6EXAMPLEKEYEX'};

/** What a fault queued for every request (and every retry) of one verification does to it. */
async function verifyUnder(kind: 'skew' | '500', input: Overrides = {}): Promise<Verdict> {
  const aws = await sandbox('happy-path');
  aws.faults.failNext(kind, 60);
  try {
    return await verify('happy-path', input);
  } finally {
    aws.faults.reset();
  }
}

const checkOf = (verdict: Verdict, code: CheckCode) => verdict.checks.find((c) => c.code === code);

const has = (verdict: Verdict, code: CheckCode, status?: string) =>
  assert.ok(
    verdict.checks.some((c) => c.code === code && (!status || c.status === status)),
    `expected ${code}${status ? ` (${status})` : ''} in ${verdict.checks.map((c) => `${c.status}:${c.code}`).join(', ')}`,
  );

describe('verification against the simulated AWS', () => {
  it('passes the happy path and reads the report from its manifest', async () => {
    const verdict = await verify('happy-path');
    for (const code of [
      'KEY_FORMAT_OK',
      'STS_IDENTITY_OK',
      'BUCKET_REGION_OK',
      'S3_LIST_OK',
      'REPORTS_FOUND',
      'MANIFEST_OK',
      'COLUMNS_OK',
      'DATA_DELIVERED',
    ] as const)
      has(verdict, code, 'pass');
    assert.equal(verdict.identity?.userName, 'abiquo-billing-user');
    assert.deepEqual(
      {...verdict.report, deliveredAt: undefined, billingPeriod: undefined},
      {
        bucket: 'acme-billing-reports',
        region: 'us-east-1',
        prefix: 'cur',
        reportName: 'abiquo-hourly',
        compression: 'GZIP',
        payerAccount: '123456789012',
        deliveredAt: undefined,
        billingPeriod: undefined,
      },
    );
    assert.equal(verdict.checks.filter((c) => c.status === 'fail').length, 0);
  });
  it('skips the optional CUR API when the endpoints override AWS but name no CUR endpoint', async () => {
    has(await verify('happy-path'), 'REPORT_DEFINITION_UNREADABLE', 'skipped');
  });
  it('reads the report definition from the CUR API and says the report is hourly', async () => has(await verifyWithCur('happy-path'), 'REPORT_HOURLY', 'pass'));
  it('skips the report definition, saying why, when the user may not call the CUR API', async () => {
    const verdict = await verifyWithCur('broken-reports', {keys: READER_KEY, expectedUserName: 'abiquo-billing-reader'});
    has(verdict, 'REPORT_DEFINITION_UNREADABLE', 'skipped');
    assert.equal(checkOf(verdict, 'REPORT_DEFINITION_UNREADABLE')?.facts.reason, 'AccessDeniedException');
    has(verdict, 'MANIFEST_OK', 'pass');
  });
  it('blocks a report whose definition is not hourly', async () => {
    const verdict = await broken('daily-report');
    has(verdict, 'REPORT_NOT_HOURLY', 'fail');
    assert.equal(checkOf(verdict, 'REPORT_NOT_HOURLY')?.facts.timeUnit, 'DAILY');
  });
  it('fails when AWS says it cannot deliver the report to the bucket', async () => {
    const verdict = await broken('delivery-failing');
    has(verdict, 'REPORT_DELIVERY_FAILING', 'fail');
    assert.equal(checkOf(verdict, 'REPORT_DELIVERY_FAILING')?.facts.lastStatus, 'ERROR_PERMISSIONS');
  });
  it('says the manifest is missing when the period folder holds it under another name', async () =>
    has(await broken('renamed-folder'), 'MANIFEST_NOT_FOUND', 'fail'));
  it('says the manifest is unreadable when it is not JSON', async () => has(await broken('truncated-manifest'), 'MANIFEST_INVALID', 'fail'));
  it('says the manifest names another report when the folder is a renamed copy', async () => {
    const verdict = await broken('renamed-copy');
    has(verdict, 'MANIFEST_NAME_MISMATCH', 'fail');
    assert.equal(checkOf(verdict, 'MANIFEST_NAME_MISMATCH')?.facts.found, 'abiquo-hourly');
  });
  it('warns when the manifest names another bucket, as in a replica', async () => {
    const verdict = await broken('abiquo-hourly');
    has(verdict, 'MANIFEST_BUCKET_MISMATCH', 'warn');
    assert.equal(checkOf(verdict, 'MANIFEST_BUCKET_MISMATCH')?.facts.found, 'acme-billing-reports');
  });
  it('explains a Parquet report delivered in the CSV folder layout from its manifest', async () =>
    has(await broken('parquet-report'), 'PARQUET_UNSUPPORTED', 'fail'));
  it('fails on a manifest whose compression is neither GZIP nor ZIP', async () => {
    const verdict = await broken('decompressed-copy');
    has(verdict, 'COMPRESSION_UNSUPPORTED', 'fail');
    assert.equal(checkOf(verdict, 'COMPRESSION_UNSUPPORTED')?.facts.compression, 'NONE');
  });
  it('fails on a manifest whose content type is not CSV', async () => {
    const verdict = await broken('decompressed-copy');
    has(verdict, 'CONTENT_TYPE_UNSUPPORTED', 'fail');
    assert.equal(checkOf(verdict, 'CONTENT_TYPE_UNSUPPORTED')?.facts.contentType, 'application/octet-stream');
  });
  it('lists the cost columns the manifest lacks', async () => {
    const verdict = await broken('trimmed-columns');
    has(verdict, 'COLUMNS_MISSING', 'fail');
    assert.deepEqual(checkOf(verdict, 'COLUMNS_MISSING')?.facts.columns, ['lineItem/BlendedCost', 'bill/PayerAccountId']);
  });
  it('reads a ZIP report', async () => {
    assert.equal((await verify('zip-report')).report?.compression, 'ZIP');
  });
  it('warns on root-account keys', async () => has(await verify('root-account-key', {keys: ROOT_KEY}), 'STS_ROOT_KEYS', 'warn'));
  it('warns when the keys belong to another user than expected', async () =>
    has(await verify('happy-path', {expectedUserName: 'abiquo-billing-user-public'}), 'STS_UNEXPECTED_USER', 'warn'));
  it('says when AWS does not know the access key', async () =>
    has(await verify('happy-path', {keys: {accessKeyId: 'AKIAUNKNOWNK2EXAMPLE', secretAccessKey: PRICING_KEY.secretAccessKey}}), 'AWS_KEY_UNKNOWN', 'fail'));
  it('says when the secret does not match the key', async () =>
    has(
      await verify('happy-path', {keys: {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'abcdEFGHijklMNOPqrstUVWXyz0123456789EXAM'}}),
      'AWS_SECRET_MISMATCH',
      'fail',
    ));
  it('says when the bucket does not exist, and claims no region for it', async () => {
    const verdict = await verify('happy-path', {bucket: 'no-such-bucket-example'});
    has(verdict, 'BUCKET_NOT_FOUND', 'fail');
    assert.equal(verdict.region, undefined, "the region the requests were signed with is not the bucket's");
  });
  it('corrects a wrong region from x-amz-bucket-region', async () => {
    const verdict = await verify('bucket-eu-west-1', {region: 'us-east-1'});
    has(verdict, 'BUCKET_REGION_CORRECTED', 'warn');
    assert.equal(verdict.region, 'eu-west-1');
  });
  it('says which permission is missing to list the bucket', async () => has(await verify('key-without-list-bucket'), 'S3_LIST_PERMISSION_MISSING', 'fail'));
  it('says which permission is missing to read the report', async () => {
    const verdict = await verify('key-without-get-object');
    has(verdict, 'S3_GET_PERMISSION_MISSING', 'fail');
    assert.match(
      String(verdict.checks.find((c) => c.code === 'S3_GET_PERMISSION_MISSING')?.facts.arn),
      /^arn:aws:s3:::acme-billing-reports\/cur\/abiquo-hourly\/\*$/,
    );
  });
  it('says the report is not there when the name is wrong', async () =>
    has(await verify('happy-path', {reportName: 'other-report'}), 'REPORT_NOT_FOUND', 'fail'));
  it('offers the report whose name differs only in case', async () => {
    const verdict = await verify('happy-path', {reportName: 'Abiquo-Hourly'});
    has(verdict, 'REPORT_NAME_SUGGESTION', 'warn');
  });
  it('warns, without failing, when the report has no data yet, and still gives the values to apply', async () => {
    const verdict = await verify('no-data-yet');
    has(verdict, 'DATA_NOT_YET', 'warn');
    assert.equal(verdict.checks.filter((c) => c.status === 'fail').length, 0);
    assert.deepEqual(verdict.report && {name: verdict.report.reportName, prefix: verdict.report.prefix, awaiting: verdict.report.awaitingDelivery}, {
      name: 'abiquo-hourly',
      prefix: 'cur',
      awaiting: true,
    });
    has(verdict, 'COMPRESSION_ASSUMED', 'warn');
  });
  it('takes the compression of a report not yet delivered from its definition when the keys can read it', async () => {
    const verdict = await verifyWithCur('no-data-yet');
    assert.equal(verdict.report?.awaitingDelivery, true);
    assert.equal(
      verdict.checks.some((c) => c.code === 'COMPRESSION_ASSUMED'),
      false,
    );
  });
  it('asks to choose when the bucket holds two reports', async () =>
    has(await verify('two-reports', {prefix: '', reportName: ''}), 'REPORT_NOT_SELECTED', 'warn'));
  it('explains a CUR 2.0 export', async () => has(await verify('cur2-only'), 'CUR2_UNSUPPORTED', 'fail'));
  it('explains an Athena/Parquet report', async () => has(await verify('parquet-only'), 'PARQUET_UNSUPPORTED', 'fail'));
  it('says AWS does not know a temporary key pasted without its session token', async () => {
    const verdict = await verify('expired-key', {keys: TEMPORARY_KEY});
    has(verdict, 'KEY_ID_TEMPORARY', 'warn');
    has(verdict, 'AWS_KEY_UNKNOWN', 'fail');
  });
  it('says the credentials expired when AWS answers ExpiredToken (clients that carry the session token)', async () => {
    // The engine sends no session token (Abiquo stores none), so AWS can only answer ExpiredToken to clients that do.
    const aws = await sandbox('expired-key');
    const credentials = {...TEMPORARY_KEY, sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN'};
    const sts = new STSClient({region: 'us-east-1', endpoint: aws.stsUrl, credentials, maxAttempts: 1});
    const s3 = new S3Client({region: 'us-east-1', endpoint: aws.s3Url, forcePathStyle: true, credentials, maxAttempts: 1});
    const verdict = await verifySetup({...base, keys: TEMPORARY_KEY}, {clients: {forRegion: () => ({s3, sts}), meter: new RequestMeter()}});
    has(verdict, 'AWS_TOKEN_EXPIRED', 'fail');
    assert.equal(checkOf(verdict, 'AWS_TOKEN_EXPIRED')?.facts.error, 'ExpiredToken');
  });
  it('says the clock is off when AWS finds every request too far from its time', async () => {
    const verdict = await verifyUnder('skew');
    has(verdict, 'AWS_CLOCK_SKEW', 'fail');
    assert.deepEqual(
      verdict.checks
        .filter((c) => c.code === 'AWS_CLOCK_SKEW')
        .map((c) => c.facts.error)
        .sort(),
      ['RequestTimeTooSkewed', 'SignatureDoesNotMatch'],
    );
  });
  it('reports an AWS error that has no check of its own, once the SDK has retried it', async () => {
    const verdict = await verifyUnder('500', {bucket: undefined});
    has(verdict, 'AWS_UNKNOWN', 'fail');
    assert.deepEqual(checkOf(verdict, 'AWS_UNKNOWN')?.facts, {operation: 'GetCallerIdentity', error: 'InternalFailure', status: 500});
  });
  it('reports throttling that outlasts the retries', async () => {
    const aws = await sandbox('happy-path');
    aws.faults.failNext('slowdown', 20);
    try {
      has(await verify('happy-path', {bucket: undefined}), 'AWS_THROTTLED', 'fail');
    } finally {
      aws.faults.reset();
    }
  });
  it('rides out a single throttled request', async () => {
    const aws = await sandbox('happy-path');
    aws.faults.failNext('slowdown', 1);
    try {
      has(await verify('happy-path', {bucket: undefined}), 'STS_IDENTITY_OK', 'pass');
    } finally {
      aws.faults.reset();
    }
  });
  it('reports a timeout when AWS does not answer in time', async () => {
    // A server that accepts requests and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const verdict = await verifySetup(keysOnly, {endpoints: {s3: url, sts: url}, timeoutMs: 200});
      has(verdict, 'AWS_TIMEOUT', 'fail');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
  it('reports an unreachable AWS as a network problem', async () => {
    const verdict = await verifySetup(keysOnly, {endpoints: {s3: 'http://127.0.0.1:9', sts: 'http://127.0.0.1:9'}});
    has(verdict, 'AWS_NETWORK', 'fail');
  });
  it('sends no request for malformed input', async () => {
    const aws = await sandbox('happy-path');
    const before = aws.stats.requests;
    const verdict = await verify('happy-path', {keys: {accessKeyId: 'AKIA-not-a-key', secretAccessKey: 'short'}});
    has(verdict, 'KEY_ID_MALFORMED', 'fail');
    assert.equal(verdict.requests, 0);
    assert.equal(aws.stats.requests, before);
  });
  it('checks the keys but sends nothing about a malformed bucket', async () => {
    const verdict = await verify('happy-path', {bucket: 'Not A Bucket!'});
    has(verdict, 'BUCKET_MALFORMED', 'fail');
    assert.deepEqual(
      verdict.checks.map((c) => c.code).filter((c) => c.startsWith('S3') || c.startsWith('BUCKET_REGION')),
      [],
    );
  });
  it('sends nothing to S3 and echoes nothing when the bucket field holds the secret (pasted in the wrong field)', async () => {
    const aws = await sandbox('happy-path');
    const s3Before = Object.entries(aws.stats.byOperation)
      .filter(([op]) => op !== 'GetCallerIdentity')
      .reduce((n, [, count]) => n + count, 0);
    for (const bucket of [base.keys.secretAccessKey, `Access key ID,Secret access key\n${base.keys.accessKeyId},${base.keys.secretAccessKey}`]) {
      const verdict = await verifySetup({...base, bucket}, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl}});
      has(verdict, 'LOCATION_HOLDS_SECRET', 'fail');
      assert.equal(JSON.stringify(verdict).includes(base.keys.secretAccessKey), false);
    }
    const s3After = Object.entries(aws.stats.byOperation)
      .filter(([op]) => op !== 'GetCallerIdentity')
      .reduce((n, [, count]) => n + count, 0);
    assert.equal(s3After, s3Before);
  });
  it('stops streaming checks once aborted', async () => {
    const aws = await sandbox('happy-path');
    const controller = new AbortController();
    const seen: string[] = [];
    const running = verifySetup(base, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl}, signal: controller.signal, onCheck: (c) => seen.push(c.code)});
    controller.abort();
    await running;
    assert.deepEqual(seen, ['KEY_FORMAT_OK']);
  });
});

describe('secrets', () => {
  it('appear in no result, log line or error of any verification above', async () => {
    const verdicts = await Promise.all([
      verify('happy-path'),
      verify('happy-path', {keys: {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'abcdEFGHijklMNOPqrstUVWXyz0123456789EXAM'}}),
      verify('key-without-get-object'),
      verify('happy-path', {keys: {accessKeyId: PRICING_KEY.secretAccessKey, secretAccessKey: PRICING_KEY.accessKeyId}}),
    ]);
    const text = JSON.stringify(verdicts) + logged.join('\n');
    for (const secret of [...SECRETS, 'abcdEFGHijklMNOPqrstUVWXyz0123456789EXAM']) assert.ok(!text.includes(secret), 'a secret leaked');
    assert.ok(!text.includes(PRICING_KEY.accessKeyId), 'an unmasked key ID leaked');
  });
});
