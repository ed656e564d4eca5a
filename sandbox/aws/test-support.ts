/** Helpers for the AWS sandbox's Node tests: scenarios by name, real SDK clients pointed at the sandbox. */
import {Sha256} from '@aws-crypto/sha256-js';
import {GetObjectCommand, S3Client, type S3ClientConfig} from '@aws-sdk/client-s3';
import {STSClient} from '@aws-sdk/client-sts';
import {SignatureV4} from '@smithy/signature-v4';
import assert from 'node:assert/strict';
import {Agent, type AgentOptions} from 'node:http';
import {gunzipSync} from 'node:zlib';
import {unzipSync} from 'fflate';
import {loadScenario} from '../scenario.ts';
import type {AwsSandbox} from './index.ts';
import type {AwsScenario, AwsUser} from './scenario-types.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

export interface Key {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function awsScenario(name: string): AwsScenario {
  const aws = loadScenario(name).aws;
  assert.ok(aws, `scenario ${name} has an aws section`);
  return aws as unknown as AwsScenario;
}

export function keyOf(user: AwsUser): Key {
  return {accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey, ...(user.sessionToken ? {sessionToken: user.sessionToken} : {})};
}

export function userWithKey(aws: AwsScenario, accessKeyId: string): AwsUser {
  const user = aws.users.find((u) => u.accessKeyId === accessKeyId);
  assert.ok(user, `a user has key ${accessKeyId}`);
  return user;
}

export function s3Client(sandbox: AwsSandbox, credentials: Key, region = 'us-east-1', extra: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({region, endpoint: sandbox.s3Url, forcePathStyle: true, credentials, maxAttempts: 1, ...extra});
}

/** Every host name resolves to loopback, as if DNS sent `<bucket>.localhost` (or any S3 name) to the sandbox. */
const loopback: AgentOptions['lookup'] = (_host, options, callback) =>
  (options as {all?: boolean}).all
    ? (callback as (e: null, addresses: {address: string; family: number}[]) => void)(null, [{address: '127.0.0.1', family: 4}])
    : callback(null, '127.0.0.1', 4);

/**
 * A virtual-hosted-style client: the endpoint is `http://localhost:<port>`, so the SDK sends `Host: <bucket>.localhost:<port>`
 * (dotted bucket names too, over HTTP). Such names do not resolve offline everywhere, so the client's agent resolves
 * every name to 127.0.0.1. `hosts` collects the host each request was sent to.
 */
export function virtualHostedS3Client(
  sandbox: AwsSandbox,
  credentials: Key,
  region = 'us-east-1',
  extra: Partial<S3ClientConfig> = {},
): {client: S3Client; hosts: string[]} {
  const client = s3Client(sandbox, credentials, region, {
    forcePathStyle: false,
    endpoint: sandbox.s3Url.replace('127.0.0.1', 'localhost'),
    requestHandler: {httpAgent: new Agent({lookup: loopback})},
    ...extra,
  });
  const hosts: string[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      hosts.push((args.request as {hostname: string}).hostname);
      return next(args);
    },
    {step: 'finalizeRequest', name: 'recordHost'},
  );
  return {client, hosts};
}

/** Every report definition `cur:DescribeReportDefinitions` lists for a key, page after page (signed as the SDK signs JSON 1.1). */
export async function reportDefinitionsOf(sandbox: AwsSandbox, credentials: Key): Promise<Record<string, unknown>[]> {
  const url = new URL(sandbox.curUrl);
  const signer = new SignatureV4({service: 'cur', region: 'us-east-1', credentials, sha256: Sha256});
  const definitions: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const body = JSON.stringify({MaxResults: 5, ...(token ? {NextToken: token} : {})});
    const headers = {host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSOrigamiServiceGatewayService.DescribeReportDefinitions'};
    const signed = await signer.sign({method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', headers, body});
    const response = await fetch(url, {method: 'POST', headers: signed.headers, body});
    const json = (await response.json()) as {ReportDefinitions?: Record<string, unknown>[]; NextToken?: string; __type?: string};
    assert.equal(response.status, 200, `DescribeReportDefinitions: ${json.__type}`);
    definitions.push(...(json.ReportDefinitions ?? []));
    token = json.NextToken;
  } while (token);
  return definitions;
}

export function stsClient(sandbox: AwsSandbox, credentials: Key): STSClient {
  return new STSClient({region: 'us-east-1', endpoint: sandbox.stsUrl, credentials, maxAttempts: 1});
}

/** What the SDK exposes on a failed call: code, status and response headers. */
export interface SdkFailure {
  name: string;
  message: string;
  status: number | undefined;
  headers: Record<string, string>;
  error: Record<string, unknown>;
}

export async function failureOf(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (e) {
    const error = e as {name: string; message: string; $metadata?: {httpStatusCode?: number}; $response?: {headers?: Record<string, string>}};
    return {
      name: error.name,
      message: error.message,
      status: error.$metadata?.httpStatusCode,
      headers: error.$response?.headers ?? {},
      error: e as Record<string, unknown>,
    };
  }
  assert.fail('the call was expected to fail');
}

/** The cells of one CSV line (RFC 4180: quoted cells may hold commas and doubled quotes), read without the generator's code. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  for (const [, quoted, plain] of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) cells.push(quoted === undefined ? plain! : quoted.replace(/""/g, '"'));
  return cells;
}

/** A CUR CSV's header and its rows keyed by column; the text must end with a line end. */
export function readCsv(csv: string): {header: string[]; rows: Record<string, string>[]} {
  const [first = '', ...lines] = csv.split('\n');
  assert.equal(lines.pop(), '', 'the CSV ends with a line end');
  const header = csvCells(first);
  return {header, rows: lines.map((line) => Object.fromEntries(csvCells(line).map((cell, i) => [header[i]!, cell])))};
}

/** A cost as the CUR writes it (`-1.2345678901`) in units of 1e-10 (-12345678901n): sums exact, without the engine. */
export function costUnits(cost: string): bigint {
  const [whole = '', fraction = ''] = cost.replace('-', '').split('.');
  const value = BigInt(whole || '0') * 10n ** 10n + BigInt(fraction.padEnd(10, '0').slice(0, 10));
  return cost.startsWith('-') ? -value : value;
}

/**
 * Every line item of the period whose manifest is `manifestKey`, each file fetched whole and opened with Node's
 * zlib or fflate, then read by readCsv: what a person checking the report would add up, with nothing of the engine.
 */
export async function reportRows(client: S3Client, bucket: string, manifestKey: string): Promise<Record<string, string>[]> {
  const bytes = async (key: string) => (await client.send(new GetObjectCommand({Bucket: bucket, Key: key}))).Body!.transformToByteArray();
  const manifest = JSON.parse(new TextDecoder().decode(await bytes(manifestKey))) as {reportKeys: string[]; compression: string};
  const rows: Record<string, string>[] = [];
  for (const key of manifest.reportKeys) {
    const file = await bytes(key);
    const csv = manifest.compression === 'ZIP' ? Object.values(unzipSync(file))[0]! : gunzipSync(file);
    rows.push(...readCsv(new TextDecoder().decode(csv)).rows);
  }
  return rows;
}
