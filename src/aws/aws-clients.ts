/**
 * Builds the AWS clients of one verification from the pasted keys. Browser-safe (no Node imports): the worker
 * bundle resolves the SDK's browser build, Node tests and the CLI its Node build. Every client counts its HTTP
 * attempts in one `RequestMeter`, has a per-request timeout and a bounded number of attempts (the SDK's standard
 * retry strategy backs off on throttling).
 */
import {S3Client} from '@aws-sdk/client-s3';
import {STSClient} from '@aws-sdk/client-sts';
import type {AwsKeys} from './types.ts';
import {RequestMeter} from './request-meter.ts';
import {createCurApi, type CurApi} from './cur-api.ts';

/** Endpoint overrides (the sandbox); absent means real AWS. */
export interface AwsEndpoints {
  readonly s3?: string;
  readonly sts?: string;
  readonly cur?: string;
}

export interface AwsClientOptions {
  readonly endpoints?: AwsEndpoints;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
}

export type RegionalClients = {readonly s3: S3Client; readonly sts: STSClient};

/** What checks receive: clients per region, the optional CUR API, and the meter they all report to. */
export interface EngineClients {
  readonly forRegion: (region: string) => RegionalClients;
  /** Absent when the CUR API cannot be reached (an endpoint override without a CUR endpoint). */
  readonly cur?: CurApi;
  readonly meter: RequestMeter;
}

export const STS_REGION = 'us-east-1';
const CUR_ENDPOINT = 'https://cur.us-east-1.amazonaws.com/';

interface MiddlewareHost {
  middlewareStack: {add: (middleware: never, options: {step: 'deserialize'; priority: 'low'; name: string}) => void};
}

// The deserialize step runs inside the retry loop, so each HTTP attempt is measured once.
function meterClient(client: MiddlewareHost, meter: RequestMeter): void {
  const middleware = (next: (args: unknown) => Promise<unknown>, context: {commandName?: string}) => (args: unknown) =>
    meter.measure(context.commandName ?? 'request', () => next(args));
  client.middlewareStack.add(middleware as never, {step: 'deserialize', priority: 'low', name: 'boaRequestMeter'});
}

export function createAwsClients(keys: AwsKeys, options: AwsClientOptions = {}): EngineClients {
  const {endpoints = {}, timeoutMs = 10_000, maxAttempts = 3} = options;
  const meter = new RequestMeter();
  const credentials = {accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey};
  // `cache: 'no-store'` (the browser's fetch only): a retry signed for another region reuses the URL, and the
  // browser would otherwise answer it with the cached 301 of the first attempt.
  const requestHandler = {requestTimeout: timeoutMs, connectionTimeout: timeoutMs, throwOnRequestTimeout: true, cache: 'no-store' as const};
  const common = {credentials, maxAttempts, requestHandler};
  const sts = new STSClient({...common, region: STS_REGION, ...(endpoints.sts ? {endpoint: endpoints.sts} : {})});
  meterClient(sts as unknown as MiddlewareHost, meter);
  const s3ByRegion = new Map<string, S3Client>();
  const forRegion = (region: string): RegionalClients => {
    let s3 = s3ByRegion.get(region);
    if (!s3) {
      s3 = new S3Client({
        ...common,
        region,
        // Regions are learned and handled by the engine (HeadBucket's x-amz-bucket-region), not by silent redirects.
        followRegionRedirects: false,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(endpoints.s3 ? {endpoint: endpoints.s3, forcePathStyle: true} : {}),
      });
      meterClient(s3 as unknown as MiddlewareHost, meter);
      s3ByRegion.set(region, s3);
    }
    return {s3, sts};
  };
  const overridden = Boolean(endpoints.s3 || endpoints.sts);
  const curEndpoint = endpoints.cur ?? (overridden ? undefined : CUR_ENDPOINT);
  const cur = curEndpoint ? createCurApi(keys, {endpoint: curEndpoint, timeoutMs, meter}) : undefined;
  return {forRegion, meter, ...(cur ? {cur} : {})};
}
