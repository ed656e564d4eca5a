/** The options of `npm run verify`, their usage text, and the typed command they parse into. */
import type {AwsEndpoints} from '../aws/aws-clients.ts';
import type {CostBasis} from '../aws/amazon-properties.ts';
import {supportedLanguages, type Language} from '../shared/translate.ts';
import {parseOptions, type OptionSpec} from './parse-options.ts';

export interface VerifyArgs {
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

export type VerifyCommand =
  {readonly kind: 'help'} | {readonly kind: 'usage-error'; readonly error: string} | {readonly kind: 'verify'; readonly args: VerifyArgs};

const costBases = ['unblended', 'blended'] as const satisfies readonly CostBasis[];

const specs = {
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

export const usage = `Usage: npm run verify -- --access-key-id ID [--bucket B] [options]

Checks billing-only AWS keys and the Cost and Usage Report they read, as the console tab does, and prints
the amazon_* values for the enterprise. The secret access key is never an argument (arguments end up in
shell history and ps): it is read from AWS_SECRET_ACCESS_KEY, else typed at a prompt that does not show it,
else read from stdin.

  --access-key-id ID     the billing user's access key ID (required)
  --bucket B             bucket name, s3://bucket/prefix/, S3 console URL or bucket ARN; without it only
                         the keys are checked
  --region R             the bucket's region (default: asked of S3)
  --prefix P             the report path prefix
  --report NAME          the report name, needed when the bucket holds several reports
  --user U               the IAM user the keys must belong to (default: abiquo-billing-user;
                         abiquo-billing-user-public for a linked account's keys)
  --costs unblended|blended
                         the costs Abiquo bills, written to amazon_mpa as shared or dedicated
                         (default: unblended)
  ${`--lang ${supportedLanguages.join('|')}`.padEnd(23)}the language of the messages (default: en)
  --json                 print one JSON object {checks: [{code, status, field, facts, message}],
                         values, requests} instead of lines
  --sts-endpoint URL     STS endpoint instead of AWS's (the sandbox prints its own)
  --s3-endpoint URL      S3 endpoint instead of AWS's
  --cur-endpoint URL     Cost and Usage Report API endpoint; with the other endpoints overridden and not
                         this one, the report's settings are not checked
  -h, --help             show this help

Exit status: 0 every check passed and the amazon_* values can be written; 1 a check failed, or no report
was selected so there is nothing to write; 2 bad usage; 130 interrupted at the secret prompt.
`;

const endpointOptions = {sts: 'sts-endpoint', s3: 's3-endpoint', cur: 'cur-endpoint'} as const;

const isHttpUrl = (text: string) => URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);

export function parseVerifyArgs(argv: readonly string[]): VerifyCommand {
  const parsed = parseOptions(argv, specs);
  if (!parsed.ok) return {kind: 'usage-error', error: parsed.error};
  const v = parsed.values;
  if (v.help) return {kind: 'help'};
  if (v['access-key-id'] === undefined) return {kind: 'usage-error', error: '--access-key-id is required'};
  const endpoints: Record<string, string> = {};
  for (const [service, option] of Object.entries(endpointOptions)) {
    const value = v[option];
    if (value === undefined) continue;
    if (!isHttpUrl(value)) return {kind: 'usage-error', error: `--${option} must be an http:// or https:// URL, not "${value}"`};
    endpoints[service] = value;
  }
  return {
    kind: 'verify',
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
