import {Sha256} from '@aws-crypto/sha256-js';
import {SignatureV4} from '@smithy/signature-v4';
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {createCurApi, type ReportDefinition} from '../../src/aws/cur-api.ts';
import {RequestMeter} from '../../src/aws/request-meter.ts';
import {PRICING_KEY} from './demo-keys.ts';
import {SKEW_MS} from './faults.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, type Key} from './test-support.ts';

const READER_KEY = {accessKeyId: 'AKIAS3READERSEXAMPLE', secretAccessKey: 'rD8kQ2mXv5/Lp7TnWc3Hy9Bf4Zs6EXAMPLEKEYRD'};
const TARGET = 'AWSOrigamiServiceGatewayService.DescribeReportDefinitions';

interface Answer {
  status: number;
  headers: Headers;
  json: {__type?: string; message?: string; ReportDefinitions?: ReportDefinition[]; NextToken?: string};
}

/** One request signed as the SDK signs JSON 1.1 calls, with the parts a test may vary. */
async function call(url: string, key: Key, body: object, options: {region?: string; service?: string; target?: string} = {}): Promise<Answer> {
  const endpoint = new URL(url);
  const signer = new SignatureV4({service: options.service ?? 'cur', region: options.region ?? 'us-east-1', credentials: key, sha256: Sha256});
  const text = JSON.stringify(body);
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: Number(endpoint.port),
    path: '/',
    headers: {host: endpoint.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': options.target ?? TARGET},
    body: text,
  });
  const response = await fetch(url, {method: 'POST', headers: signed.headers, body: text});
  return {status: response.status, headers: response.headers, json: (await response.json()) as Answer['json']};
}

describe('simulated CUR API DescribeReportDefinitions', () => {
  let sandbox: AwsSandbox;
  before(async () => {
    sandbox = await startAws(awsScenario('broken-reports'));
  });
  beforeEach(() => sandbox.faults.reset());
  after(() => sandbox.close());

  it('answers five definitions per page with a NextToken for the rest', async () => {
    const first = await call(sandbox.curUrl, PRICING_KEY, {MaxResults: 5});
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.equal(first.json.ReportDefinitions?.length, 5);
    assert.ok(first.json.NextToken);
    const second = await call(sandbox.curUrl, PRICING_KEY, {MaxResults: 5, NextToken: first.json.NextToken});
    assert.deepEqual(
      second.json.ReportDefinitions?.map((d) => d.ReportName),
      ['parquet-report'],
    );
    assert.equal(second.json.NextToken, undefined);
  });

  it('derives each definition from the report AWS delivers, with the scenario overrides, and none for copies', async () => {
    const definitions = await createCurApi(PRICING_KEY, {endpoint: sandbox.curUrl, timeoutMs: 5000, meter: new RequestMeter()}).describeReportDefinitions();
    assert.deepEqual(
      definitions.map((d) => `${d.S3Bucket}/${d.S3Prefix}/${d.ReportName}`),
      [
        'acme-billing-reports/cur/abiquo-hourly',
        'acme-broken-reports/cur/daily-report',
        'acme-broken-reports/cur/delivery-failing',
        'acme-broken-reports/cur/renamed-folder',
        'acme-broken-reports/cur/truncated-manifest',
        'acme-broken-reports/cur/parquet-report',
      ],
    );
    const [hourly, daily, failing, , , parquet] = definitions;
    assert.deepEqual(
      {...hourly, ReportStatus: {...hourly!.ReportStatus, lastDelivery: undefined}},
      {
        ReportName: 'abiquo-hourly',
        TimeUnit: 'HOURLY',
        Format: 'textORcsv',
        Compression: 'GZIP',
        AdditionalSchemaElements: ['RESOURCES'],
        S3Bucket: 'acme-billing-reports',
        S3Prefix: 'cur',
        S3Region: 'us-east-1',
        RefreshClosedReports: true,
        ReportVersioning: 'CREATE_NEW_REPORT',
        ReportStatus: {lastDelivery: undefined, lastStatus: 'SUCCESS'},
      },
    );
    assert.match(String(hourly!.ReportStatus?.lastDelivery), /^\d{8}T\d{6}Z$/);
    assert.equal(daily!.TimeUnit, 'DAILY');
    assert.equal(failing!.ReportStatus?.lastStatus, 'ERROR_PERMISSIONS');
    assert.deepEqual([parquet!.Format, parquet!.Compression], ['Parquet', 'Parquet']);
  });

  it('refuses a user without cur:DescribeReportDefinitions with AccessDeniedException, as the JSON protocol sends it', async () => {
    const denied = await call(sandbox.curUrl, READER_KEY, {MaxResults: 5});
    assert.equal(denied.status, 400);
    assert.equal(denied.json.__type, 'AccessDeniedException');
    assert.match(String(denied.json.message), /user\/abiquo-billing-reader is not authorized to perform: cur:DescribeReportDefinitions/);
    assert.match(String(denied.headers.get('x-amzn-errortype')), /^AccessDeniedException:/);
    const api = createCurApi(READER_KEY, {endpoint: sandbox.curUrl, timeoutMs: 5000, meter: new RequestMeter()});
    await assert.rejects(api.describeReportDefinitions(), {name: 'AccessDeniedException'});
  });

  it('checks the signature: unknown key, wrong secret, wrong service and wrong region', async () => {
    const unknown = await call(sandbox.curUrl, {accessKeyId: 'AKIAUNKNOWNK2EXAMPLE', secretAccessKey: PRICING_KEY.secretAccessKey}, {});
    assert.deepEqual([unknown.status, unknown.json.__type], [400, 'UnrecognizedClientException']);
    const wrongSecret = await call(sandbox.curUrl, {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'abcdEFGHijklMNOPqrstUVWXyz0123456789EXAM'}, {});
    assert.deepEqual([wrongSecret.status, wrongSecret.json.__type], [400, 'InvalidSignatureException']);
    assert.equal((await call(sandbox.curUrl, PRICING_KEY, {}, {service: 'sts'})).json.__type, 'IncompleteSignatureException');
    const region = await call(sandbox.curUrl, PRICING_KEY, {}, {region: 'eu-west-1'});
    assert.deepEqual(
      [region.json.__type, region.json.message],
      ['InvalidSignatureException', "Credential should be scoped to a valid region, not 'eu-west-1'. "],
    );
  });

  it('rejects other operations and a page size above five', async () => {
    assert.equal(
      (await call(sandbox.curUrl, PRICING_KEY, {}, {target: 'AWSOrigamiServiceGatewayService.DeleteReportDefinition'})).json.__type,
      'UnknownOperationException',
    );
    const big = await call(sandbox.curUrl, PRICING_KEY, {MaxResults: 10});
    assert.deepEqual([big.status, big.json.__type], [400, 'ValidationException']);
  });

  it('answers a skew fault with "Signature expired" and a Date header the SDK can correct its clock from', async () => {
    sandbox.faults.failNext('skew');
    const skewed = await call(sandbox.curUrl, PRICING_KEY, {});
    assert.equal(skewed.json.__type, 'InvalidSignatureException');
    assert.match(String(skewed.json.message), /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    const ahead = Date.parse(String(skewed.headers.get('date'))) - Date.now();
    assert.ok(Math.abs(ahead - SKEW_MS) < 5000, `the server clock is ${SKEW_MS} ms ahead (${ahead})`);
  });
});
