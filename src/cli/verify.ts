/**
 * `npm run verify -- --bucket B [--region R] [--prefix P] [--report N] --access-key-id ID [--user U]
 *  [--costs blended|unblended] [--json] [--sts-endpoint URL --s3-endpoint URL]`
 * The same engine as the service worker, for operators and support. The secret is read from
 * AWS_SECRET_ACCESS_KEY or stdin, never from an argument (arguments end up in shell history and `ps`).
 * Exit code: 0 without failures, 1 with, 2 for bad usage.
 */
import {parseArgs} from 'node:util';
import {verifySetup} from '../aws/verify-setup.ts';
import {toAmazonProperties, type CostBasis} from '../aws/amazon-properties.ts';
import {createTranslator, type MessageKey} from '../shared/i18n.ts';
import type {Check} from '../aws/types.ts';

const {values: args} = parseArgs({
  options: {
    bucket: {type: 'string'},
    region: {type: 'string'},
    prefix: {type: 'string'},
    report: {type: 'string'},
    'access-key-id': {type: 'string'},
    user: {type: 'string', default: 'abiquo-billing-user'},
    costs: {type: 'string', default: 'unblended'},
    json: {type: 'boolean', default: false},
    lang: {type: 'string', default: 'en'},
    'sts-endpoint': {type: 'string'},
    's3-endpoint': {type: 'string'},
    'cur-endpoint': {type: 'string'},
  },
});

async function readSecret(): Promise<string> {
  if (process.env.AWS_SECRET_ACCESS_KEY) return process.env.AWS_SECRET_ACCESS_KEY;
  if (process.stdin.isTTY) process.stderr.write('Secret access key (input not echoed is not supported; pipe it or set AWS_SECRET_ACCESS_KEY): ');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.trim();
}

if (!args['access-key-id'] || (args.costs !== 'blended' && args.costs !== 'unblended')) {
  process.stderr.write('Usage: npm run verify -- --access-key-id ID [--bucket B] [--region R] [--prefix P] [--report N] [--costs blended|unblended] [--json]\n       with the secret in AWS_SECRET_ACCESS_KEY or on stdin.\n');
  process.exit(2);
}

const t = createTranslator(args.lang);
const endpoints = {
  ...(args['s3-endpoint'] ? {s3: args['s3-endpoint']} : {}),
  ...(args['sts-endpoint'] ? {sts: args['sts-endpoint']} : {}),
  ...(args['cur-endpoint'] ? {cur: args['cur-endpoint']} : {}),
};
const mark = {pass: '✔', warn: '!', fail: '✖', skipped: '–'} as const;
const line = (check: Check) => `${mark[check.status]} ${check.code.padEnd(28)} ${t(`check_${check.code}` as MessageKey, check.facts)}\n`;

const verdict = await verifySetup(
  {
    keys: {accessKeyId: args['access-key-id'], secretAccessKey: await readSecret()},
    expectedUserName: args.user,
    ...(args.bucket ? {bucket: args.bucket} : {}),
    ...(args.region ? {region: args.region} : {}),
    ...(args.prefix ? {prefix: args.prefix} : {}),
    ...(args.report ? {reportName: args.report} : {}),
  },
  {endpoints, ...(args.json ? {} : {onCheck: (check) => process.stdout.write(line(check))})},
);
const values = verdict.report ? toAmazonProperties(verdict.report, {costs: args.costs as CostBasis}) : {};
if (args.json) {
  process.stdout.write(`${JSON.stringify({checks: verdict.checks, values, requests: verdict.requests}, null, 2)}\n`);
} else {
  for (const [name, value] of Object.entries(values)) process.stdout.write(`  ${name} = ${value}\n`);
  process.stdout.write(`${verdict.requests} AWS requests\n`);
}
process.exit(verdict.checks.some((c) => c.status === 'fail') ? 1 : 0);
