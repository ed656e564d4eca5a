/**
 * The options `npm run verify` and `npm run preview` share: the keys, where the report is, the cost basis, the
 * language, JSON output and the endpoint overrides (the sandbox); their parsing into typed arguments.
 */
import type {AwsEndpoints} from '../aws/aws-clients.ts';
import type {CostBasis} from '../aws/amazon-properties.ts';
import {supportedLanguages, type Language} from '../shared/translate.ts';
import type {OptionSpec, OptionValues} from './parse-options.ts';

export interface AwsArgs {
  readonly accessKeyId: string;
  readonly bucket?: string;
  readonly region?: string;
  readonly prefix?: string;
  readonly reportName?: string;
  readonly user: string;
  readonly costs: CostBasis;
  readonly language: Language;
  readonly json: boolean;
  readonly endpoints: AwsEndpoints;
}

const costBases = ['unblended', 'blended'] as const satisfies readonly CostBasis[];

export const awsOptionSpecs = {
  'access-key-id': {type: 'string'},
  bucket: {type: 'string'},
  region: {type: 'string'},
  prefix: {type: 'string'},
  report: {type: 'string'},
  user: {type: 'string'},
  costs: {type: 'string', values: costBases},
  lang: {type: 'string', values: supportedLanguages},
  json: {type: 'boolean'},
  'sts-endpoint': {type: 'string'},
  's3-endpoint': {type: 'string'},
  'cur-endpoint': {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const satisfies Readonly<Record<string, OptionSpec>>;

/** The usage lines of `--lang` and of the endpoint overrides, worded alike for both commands. */
export const langUsage = `  ${`--lang ${supportedLanguages.join('|')}`.padEnd(23)}the language of the messages (default: en)`;

export const endpointUsage = `  --sts-endpoint URL     STS endpoint instead of AWS's (the sandbox prints its own)
  --s3-endpoint URL      S3 endpoint instead of AWS's
  --cur-endpoint URL     Cost and Usage Report API endpoint; with the other endpoints overridden and not
                         this one, the report's settings are not checked`;

const endpointOptions = {sts: 'sts-endpoint', s3: 's3-endpoint', cur: 'cur-endpoint'} as const;

const isHttpUrl = (text: string) => URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);

/** The shared arguments, or the usage error to print. */
export function parseAwsArgs(v: OptionValues<typeof awsOptionSpecs>): {readonly args: AwsArgs} | {readonly error: string} {
  if (v['access-key-id'] === undefined) return {error: '--access-key-id is required'};
  const endpoints: Record<string, string> = {};
  for (const [service, option] of Object.entries(endpointOptions)) {
    const value = v[option];
    if (value === undefined) continue;
    if (!isHttpUrl(value)) return {error: `--${option} must be an http:// or https:// URL, not "${value}"`};
    endpoints[service] = value;
  }
  return {
    args: {
      accessKeyId: v['access-key-id'],
      ...(v.bucket ? {bucket: v.bucket} : {}),
      ...(v.region ? {region: v.region} : {}),
      ...(v.prefix ? {prefix: v.prefix} : {}),
      ...(v.report ? {reportName: v.report} : {}),
      user: v.user ?? 'abiquo-billing-user',
      costs: v.costs ?? 'unblended',
      language: v.lang ?? 'en',
      json: v.json === true,
      endpoints,
    },
  };
}
