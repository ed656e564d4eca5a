/** The options of `npm run preview`, their usage text, and the typed command they parse into. */
import type {LinkedEnterprise} from '../preview/types.ts';
import {awsOptionSpecs, endpointUsage, langUsage, parseAwsArgs, type AwsArgs} from './aws-options.ts';
import {parseOptions, type OptionSpec} from './parse-options.ts';
import type {Command} from './run-command.ts';

export interface PreviewArgs extends AwsArgs {
  readonly bucket: string;
  /** As `--linked` gave them; the command line has no enterprise IDs, so they are numbered in that order. */
  readonly linked: readonly LinkedEnterprise[];
  readonly payer?: string;
}

const specs = {
  ...awsOptionSpecs,
  linked: {type: 'string', multiple: true},
  payer: {type: 'string'},
} as const satisfies Readonly<Record<string, OptionSpec>>;

export const usage = `Usage: npm run preview -- --access-key-id ID --bucket B [--linked ACCOUNT=NAME ...] [options]

Reads the newest complete billing period of the Cost and Usage Report, as the console tab's preview does, and
prints what each AWS account cost and who is billed for it: the keynode (the payer account), a linked
enterprise, or nobody. The keys and the report are checked first, as npm run verify does. The secret access
key is never an argument: it is read from AWS_SECRET_ACCESS_KEY, else typed at a prompt that does not show
it, else read from stdin.

  --access-key-id ID     the billing user's access key ID (required)
  --bucket B             bucket name, s3://bucket/prefix/, S3 console URL or bucket ARN (required)
  --region R             the bucket's region (default: asked of S3)
  --prefix P             the report path prefix
  --report NAME          the report name, needed when the bucket holds several reports
  --user U               the IAM user the keys must belong to (default: abiquo-billing-user)
  --costs unblended|blended
                         the costs to add up: unblended for amazon_mpa shared, blended for dedicated
                         (default: unblended)
  --linked ACCOUNT=NAME  a linked enterprise and its 12-digit AWS account ID; repeat for each one
  --payer ACCOUNT        the keynode's (payer) AWS account (default: the one the report names)
${langUsage}
  --json                 print one JSON object {checks, report, basis, currency, lines, topServices,
                         total, …} instead of the table; on failure {checks, error}
${endpointUsage}
  -h, --help             show this help

Progress is shown on stderr when it is a terminal; Ctrl-C stops the reading.

Exit status: 0 the period was read and its table printed; 1 a check failed, no complete period was
delivered, or the report could not be read; 2 bad usage; 130 interrupted.
`;

const ACCOUNT = /^\d{12}$/;

/** `210987654321=Acme Retail` (dashes in the account allowed, as the console shows it: 2109-8765-4321). */
function parseLinked(values: readonly string[]): {readonly linked: LinkedEnterprise[]} | {readonly error: string} {
  const linked: LinkedEnterprise[] = [];
  for (const value of values) {
    const [account = '', ...name] = value.split('=');
    const awsAccountId = account.replace(/-/g, '').trim();
    const enterprise = name.join('=').trim();
    if (!ACCOUNT.test(awsAccountId) || !enterprise) return {error: `--linked must be ACCOUNT=NAME with a 12-digit AWS account ID, not "${value}"`};
    linked.push({enterpriseId: linked.length + 1, name: enterprise, awsAccountId});
  }
  return {linked};
}

export function parsePreviewArgs(argv: readonly string[]): Command<PreviewArgs> {
  const parsed = parseOptions(argv, specs);
  if (!parsed.ok) return {kind: 'usage-error', error: parsed.error};
  const v = parsed.values;
  if (v.help) return {kind: 'help'};
  const aws = parseAwsArgs(v);
  if ('error' in aws) return {kind: 'usage-error', error: aws.error};
  if (!aws.args.bucket) return {kind: 'usage-error', error: '--bucket is required'};
  const linked = parseLinked(v.linked ?? []);
  if ('error' in linked) return {kind: 'usage-error', error: linked.error};
  const payer = v.payer?.replace(/-/g, '');
  if (payer !== undefined && !ACCOUNT.test(payer)) return {kind: 'usage-error', error: `--payer must be a 12-digit AWS account ID, not "${v.payer}"`};
  return {kind: 'run', args: {...aws.args, bucket: aws.args.bucket, linked: linked.linked, ...(payer ? {payer} : {})}};
}
