/**
 * `cur:DescribeReportDefinitions`, signed by hand: the only CUR SDK package on the registry is years old, and
 * one JSON POST needs no client. The API lives only in us-east-1 and returns at most 5 definitions per page.
 */
import {SignatureV4} from '@smithy/signature-v4';
import {Sha256} from '@aws-crypto/sha256-js';
import type {AwsKeys} from './types.ts';
import type {RequestMeter} from './request-meter.ts';

export interface ReportDefinition {
  readonly ReportName?: string;
  readonly TimeUnit?: string;
  readonly Format?: string;
  readonly Compression?: string;
  readonly S3Bucket?: string;
  readonly S3Prefix?: string;
  readonly S3Region?: string;
  readonly ReportStatus?: {readonly lastDelivery?: string; readonly lastStatus?: string};
}

export interface CurApi {
  describeReportDefinitions(signal?: AbortSignal): Promise<ReportDefinition[]>;
}

/** An error shaped like the SDK's, so `classifyAwsError` reads both alike. */
class CurApiError extends Error {
  constructor(
    override readonly name: string,
    readonly $metadata: {httpStatusCode?: number},
  ) {
    super(name);
  }
}

const MAX_PAGES = 4;

export function createCurApi(keys: AwsKeys, options: {endpoint: string; timeoutMs: number; meter: RequestMeter}): CurApi {
  const signer = new SignatureV4({
    service: 'cur',
    region: 'us-east-1',
    credentials: {accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey},
    sha256: Sha256,
  });
  const url = new URL(options.endpoint);

  async function page(nextToken: string | undefined, signal?: AbortSignal) {
    const body = JSON.stringify({MaxResults: 5, ...(nextToken ? {NextToken: nextToken} : {})});
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? {port: Number(url.port)} : {}),
      path: url.pathname,
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSOrigamiServiceGatewayService.DescribeReportDefinitions',
      },
      body,
    });
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const response = await options.meter.measure('DescribeReportDefinitions', () =>
      fetch(url, {method: 'POST', headers: signed.headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout}),
    );
    const text = await response.text();
    if (!response.ok) {
      const type = /"__type"\s*:\s*"(?:[^"#]*#)?([^"]+)"/.exec(text)?.[1] ?? response.headers.get('x-amzn-errortype')?.split(':')[0];
      throw new CurApiError(type ?? `Http${response.status}`, {httpStatusCode: response.status});
    }
    return JSON.parse(text) as {ReportDefinitions?: ReportDefinition[]; NextToken?: string};
  }

  return {
    async describeReportDefinitions(signal) {
      const definitions: ReportDefinition[] = [];
      let token: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const result = await page(token, signal);
        definitions.push(...(result.ReportDefinitions ?? []));
        token = result.NextToken;
        if (!token) break;
      }
      return definitions;
    },
  };
}
