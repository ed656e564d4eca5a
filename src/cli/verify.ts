/**
 * `npm run verify`: the service worker's checks from a terminal, for operators and support (options and exit
 * status: verify-args.ts). Prints each check as soon as it is known, then the amazon_* values and the outcome;
 * with --json, one JSON document instead.
 */
import {verifySetup} from '../aws/verify-setup.ts';
import {toAmazonProperties} from '../aws/amazon-properties.ts';
import {parseVerifyArgs, usage} from './verify-args.ts';
import {readSecret} from './read-secret.ts';
import {checkPrinter, jsonReport, outcome, wording} from './verify-output.ts';

// Every run would end with the SDK's 8-line notice that its releases after January 2027 need Node 22, which an
// operator cannot act on here. The SDK reads this when it builds the first client, so here is early enough.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The exit status (see the usage); everything it prints is written before it returns. */
async function main(argv: readonly string[]): Promise<number> {
  const command = parseVerifyArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`verify: ${command.error}\n\n${usage}`);
    return 2;
  }
  const {args} = command;
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

const status = await main(process.argv.slice(2)).catch((error: unknown) => {
  // Nothing the operator can fix with a stack trace (an engine bug, stdin failing): one line.
  process.stderr.write(`verify: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
// Exit explicitly, as idle keep-alive sockets to AWS would hold the process open; but only once stdout has
// taken everything (on a pipe, writes can still be queued).
process.stdout.write('', () => process.exit(status));
