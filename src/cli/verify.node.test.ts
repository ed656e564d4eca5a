/**
 * `npm run verify` tried as a new user would: the real CLI in a child process against the simulated AWS
 * (two-reports: the happy path's keys, and a bucket with two reports to choose from).
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from '../../sandbox/aws/index.ts';
import {BILLING_BUCKET, PRICING_KEY, REPORT_NAME} from '../../sandbox/aws/demo-keys.ts';
import {loadScenario} from '../../sandbox/scenario.ts';
import en from '../../locales/en/messages.json' with {type: 'json'};
import {checkCodes} from '../aws/check-codes.ts';
import {openTerminal, runCli, type Run} from '../../test/helpers/cli-process.ts';

const WRONG_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGEXAMP';
const flags = [
  '--bucket',
  '--region',
  '--prefix',
  '--report',
  '--access-key-id',
  '--user',
  '--costs',
  '--lang',
  '--json',
  '--sts-endpoint',
  '--s3-endpoint',
  '--cur-endpoint',
  '--help',
];

/** Runs the CLI with the secret in the environment (or on stdin). */
const verify = (args: readonly string[], secret: {env?: string; stdin?: string} = {env: PRICING_KEY.secretAccessKey}): Promise<Run> =>
  runCli('verify', args, secret);

const noStackTrace = (run: Run) => assert.doesNotMatch(run.stdout + run.stderr, /^\s+at |ERR_[A-Z_]+|ENOENT/m);

describe('npm run verify', () => {
  let aws: AwsSandbox;
  let endpoints: string[];

  before(async () => {
    aws = await startAws(loadScenario('two-reports').aws as never);
    endpoints = ['--s3-endpoint', aws.s3Url, '--sts-endpoint', aws.stsUrl, '--cur-endpoint', aws.curUrl];
  });
  after(async () => aws.close());

  for (const help of ['--help', '-h']) {
    it(`${help} prints the usage, every flag in it, on stdout and exits 0`, async () => {
      const run = await verify([help]);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: npm run verify/);
      for (const flag of flags) assert.ok(run.stdout.includes(flag), `the usage lists ${flag}`);
      assert.match(run.stdout, /Exit status: 0 .*; 1 .*; 2 bad usage/s);
      assert.equal(run.stderr, '');
    });
  }

  it('names an unknown option, prints the usage and exits 2', async () => {
    const run = await verify(['--access-key-id', PRICING_KEY.accessKeyId, '--bucket-name', BILLING_BUCKET]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^verify: unknown option --bucket-name\n\nUsage: /);
    assert.equal(run.stdout, '');
    noStackTrace(run);
  });

  for (const [args, error] of [
    [['--costs', 'mixed'], 'verify: --costs must be unblended or blended, not "mixed"'],
    [['--lang', 'fr'], 'verify: --lang must be en or es, not "fr"'],
    [['--costs'], 'verify: --costs needs a value: unblended or blended'],
    [['--bucket', '--json'], 'verify: --bucket needs a value'],
    [['--s3-endpoint', 'localhost:4566'], 'verify: --s3-endpoint must be an http:// or https:// URL, not "localhost:4566"'],
    [['extra'], 'verify: unexpected argument "extra"'],
  ] as const) {
    it(`names the option and the allowed values for ${args.join(' ')}, and exits 2`, async () => {
      const run = await verify(['--access-key-id', PRICING_KEY.accessKeyId, ...args]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr.split('\n')[0], error);
      assert.match(run.stderr, /Usage: npm run verify/);
      noStackTrace(run);
    });
  }

  it('says --access-key-id is required, and exits 2', async () => {
    const run = await verify(['--bucket', BILLING_BUCKET]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.split('\n')[0], 'verify: --access-key-id is required');
  });

  it("a wrong secret on stdin: the check says so in the CLI's words, exits 1, never echoes the secret", async () => {
    const run = await verify(['--access-key-id', PRICING_KEY.accessKeyId, ...endpoints], {stdin: `${WRONG_SECRET}\n`});
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^✖ AWS_SECRET_MISMATCH +Secret access key: it doesn't match this access key ID\. Check the secret that was given/m);
    assert.match(run.stdout, /A check failed: fix what it says and run the command again.*\n$/);
    assert.equal((run.stdout + run.stderr).includes(WRONG_SECRET), false);
    assert.doesNotMatch(run.stdout, /Re-verify|Paste/);
  });

  it('no report selected (two in the bucket, no --report): says to choose with --report, writes no values, exits 1', async () => {
    const run = await verify(['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, ...endpoints]);
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^! REPORT_NOT_SELECTED +Report name: acme-billing-reports holds several reports \(cur\/abiquo-hourly, cur\/finance-daily\)\. Run again with --report NAME/m,
    );
    assert.doesNotMatch(run.stdout, /under Reports in the bucket|amazon_bucket =/);
    assert.equal(run.stdout.trimEnd().split('\n').at(-1), 'No report was selected, so there are no amazon_* values to write.');
  });

  it('the report chosen with --report: every check passes, prints the values, exits 0', async () => {
    const run = await verify([
      '--access-key-id',
      PRICING_KEY.accessKeyId,
      '--bucket',
      BILLING_BUCKET,
      '--report',
      REPORT_NAME,
      '--costs',
      'blended',
      ...endpoints,
    ]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ {2}amazon_report_name = abiquo-hourly$/m);
    assert.match(run.stdout, /^ {2}amazon_mpa = dedicated$/m);
    assert.equal(run.stdout.trimEnd().split('\n').at(-1), "Every check passed: these are the values to write to the enterprise's amazon_* properties.");
  });

  it('prints no AWS SDK warning about the Node version', async () => {
    // The SDK warns on Node < 22 only; the child gets no AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED (childEnv).
    const run = await verify(['--access-key-id', PRICING_KEY.accessKeyId, ...endpoints]);
    assert.equal(run.stderr, '');
    assert.doesNotMatch(run.stdout, /NodeVersionSupportWarning/);
  });

  it("--json: one document, a message per check in --lang, the CLI's own wording, and the outcome on stderr", async () => {
    const run = await verify(['--json', '--lang', 'es', '--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, ...endpoints]);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as {
      checks: {code: string; status: string; field?: string; facts: object; message: string}[];
      values: object;
      requests: number;
    };
    assert.deepEqual(report.values, {});
    assert.ok(report.requests > 0);
    for (const check of report.checks) assert.match(check.message, /^[^$]+$/, `${check.code} has a message, its placeholders filled`);
    const message = (code: string) => report.checks.find((c) => c.code === code)?.message;
    assert.equal(message('STS_IDENTITY_OK'), 'Conectado como abiquo-billing-user en la cuenta 123456789012.');
    assert.match(
      message('REPORT_NOT_SELECTED') ?? '',
      /^Nombre del informe: acme-billing-reports contiene varios informes .* Vuelve a ejecutar el comando con --report NOMBRE/,
    );
    assert.equal(run.stderr, 'No se ha seleccionado ningún informe, así que no hay valores amazon_* que escribir.\n');
  });

  it('prints a check once, though the engine reports AWS_NETWORK for the keys and again for the bucket', async () => {
    const closed = await closedPort();
    const run = await verify(['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, '--s3-endpoint', closed, '--sts-endpoint', closed]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout.match(/AWS_NETWORK/g)?.length, 1, run.stdout);
    assert.match(run.stdout, /Couldn't reach AWS .*run the command again\./);
    const json = JSON.parse(
      (await verify(['--json', '--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, '--s3-endpoint', closed, '--sts-endpoint', closed]))
        .stdout,
    ) as {checks: {code: string; field?: string}[]};
    const fields = json.checks.filter((c) => c.code === 'AWS_NETWORK').map((c) => c.field);
    assert.ok(fields.includes('accessKeyId') && fields.includes('bucket'), `why: the engine reports it for each field (${fields.join(', ')})`);
  });

  it('words only real checks its own way (cli_check_<CODE> for a code of the engine)', () => {
    const own = Object.keys(en).filter((key) => key.startsWith('cli_check_'));
    assert.ok(own.length > 0);
    assert.deepEqual(
      own.filter((key) => !(checkCodes as readonly string[]).includes(key.slice('cli_check_'.length))),
      [],
    );
  });

  describe('the secret typed at a terminal (a real pseudo-terminal, through script)', () => {
    // On timeout the test's signal kills the terminal: a prompt that never ends fails the test, not the run.
    it('is not shown, and Enter ends it', {timeout: 60_000}, async (t) => {
      const terminal = openTerminal(
        'verify',
        ['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, '--report', REPORT_NAME, ...endpoints],
        t.signal,
      );
      await terminal.waitFor(/Secret access key \(not shown; Enter to finish\): $/);
      terminal.type(`${PRICING_KEY.secretAccessKey}\r`);
      // stdin stays open: only the Enter can have ended the prompt.
      await terminal.waitFor(/Every check passed/);
      assert.equal(await terminal.exited, 0, terminal.output());
      assert.equal(terminal.output().includes(PRICING_KEY.secretAccessKey), false, 'the secret never reached the screen');
      assert.match(terminal.output(), /✔ STS_IDENTITY_OK/);
    });

    it('Ctrl-C gives up with status 130, showing nothing typed', {timeout: 60_000}, async (t) => {
      const terminal = openTerminal('verify', ['--access-key-id', PRICING_KEY.accessKeyId, ...endpoints], t.signal);
      await terminal.waitFor(/Enter to finish\): $/);
      terminal.type('wJalrXUtnF\x03');
      assert.equal(await terminal.exited, 130);
      assert.equal(terminal.output().includes('wJalrXUtnF'), false);
      assert.doesNotMatch(terminal.output(), /KEY_FORMAT_OK/);
    });
  });
});

/** A loopback address where nothing listens: every request to it is refused. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
