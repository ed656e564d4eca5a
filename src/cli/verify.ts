/**
 * `npm run verify`: the service worker's checks from a terminal, for operators and support (options and exit
 * status: verify-args.ts). Prints each check as soon as it is known, then the amazon_* values and the outcome;
 * with --json, one JSON document instead.
 */
import {verifySetup} from '../aws/verify-setup.ts';
import {toAmazonProperties} from '../aws/amazon-properties.ts';
import type {AwsArgs} from './aws-options.ts';
import {parseVerifyArgs, usage} from './verify-args.ts';
import {readSecret} from './read-secret.ts';
import {runCommand} from './run-command.ts';
import {checkPrinter, jsonReport, outcome, wording} from './verify-output.ts';

/** The exit status (see the usage); everything it prints is written before it returns. */
async function verify(args: AwsArgs): Promise<number> {
  const say = wording(args.language);
  const secretAccessKey = await readSecret();
  if (secretAccessKey === undefined) return 130; // Ctrl-C at the prompt
  const verdict = await verifySetup(
    {
      keys: {accessKeyId: args.accessKeyId, secretAccessKey},
      expectedUserName: args.user,
      ...(args.bucket ? {bucket: args.bucket} : {}),
      ...(args.region ? {region: args.region} : {}),
      ...(args.prefix ? {prefix: args.prefix} : {}),
      ...(args.reportName ? {reportName: args.reportName} : {}),
    },
    {endpoints: args.endpoints, ...(args.json ? {} : {onCheck: checkPrinter((line) => process.stdout.write(line), say.check)})},
  );
  const values = verdict.report ? toAmazonProperties(verdict.report, {costs: args.costs}) : {};
  const result = outcome(verdict, args.bucket !== undefined);
  if (args.json) {
    process.stdout.write(jsonReport(verdict, values, say.check));
    process.stderr.write(`${say.t(result.message)}\n`);
  } else {
    for (const [name, value] of Object.entries(values)) process.stdout.write(`  ${name} = ${value}\n`);
    process.stdout.write(`${say.t('cli_requests', {count: verdict.requests})}\n${say.t(result.message)}\n`);
  }
  return result.exitCode;
}

runCommand('verify', usage, parseVerifyArgs, verify);
