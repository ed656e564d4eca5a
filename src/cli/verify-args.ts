/** The options of `npm run verify`, their usage text, and the typed command they parse into. */
import {awsOptionSpecs, endpointUsage, parseAwsArgs, langUsage, type AwsArgs} from './aws-options.ts';
import {parseOptions} from './parse-options.ts';
import type {Command} from './run-command.ts';

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
${langUsage}
  --json                 print one JSON object {checks: [{code, status, field, facts, message}],
                         values, requests} instead of lines
${endpointUsage}
  -h, --help             show this help

Exit status: 0 every check passed and the amazon_* values can be written; 1 a check failed, or no report
was selected so there is nothing to write; 2 bad usage; 130 interrupted at the secret prompt.
`;

export function parseVerifyArgs(argv: readonly string[]): Command<AwsArgs> {
  const parsed = parseOptions(argv, awsOptionSpecs);
  if (!parsed.ok) return {kind: 'usage-error', error: parsed.error};
  if (parsed.values.help) return {kind: 'help'};
  const aws = parseAwsArgs(parsed.values);
  return 'error' in aws ? {kind: 'usage-error', error: aws.error} : {kind: 'run', args: aws.args};
}
