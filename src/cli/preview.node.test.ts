/**
 * `npm run preview` tried as a new user would: the real CLI in a child process against the simulated AWS. The
 * happy path's report bills the payer, Acme Retail's account, one the keynode has not linked and one nobody has
 * keys for; Acme Staging's account has no usage. Its figures are checked against the report file itself.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from '../../sandbox/aws/index.ts';
import {BILLING_BUCKET, LINKED_KEYS, PAYER_ACCOUNT, PRICING_KEY, UNCLAIMED_ACCOUNT} from '../../sandbox/aws/demo-keys.ts';
import {costUnits, reportRows, s3Client} from '../../sandbox/aws/test-support.ts';
import {loadScenario} from '../../sandbox/scenario.ts';
import {openTerminal, runCli, type Run} from '../../test/helpers/cli-process.ts';

const WRONG_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGEXAMP';
const [RETAIL, ANALYTICS, STAGING] = LINKED_KEYS.map((k) => k.account) as [string, string, string];
const LINKED = ['--linked', `${RETAIL}=Acme Retail`, '--linked', `${STAGING}=Acme Staging`];
const flags = ['--access-key-id', '--bucket', '--region', '--prefix', '--report', '--user', '--costs', '--linked', '--payer', '--lang', '--json'];

const preview = (args: readonly string[], secret: {env?: string; stdin?: string} = {env: PRICING_KEY.secretAccessKey}): Promise<Run> =>
  runCli('preview', args, secret);

const noStackTrace = (run: Run) => assert.doesNotMatch(run.stdout + run.stderr, /^\s+at |ERR_[A-Z_]+|ENOENT/m);

async function startScenario(name: string): Promise<{aws: AwsSandbox; endpoints: string[]}> {
  const aws = await startAws(loadScenario(name).aws as never);
  return {aws, endpoints: ['--s3-endpoint', aws.s3Url, '--sts-endpoint', aws.stsUrl, '--cur-endpoint', aws.curUrl]};
}

interface Line {
  kind: string;
  accountId?: string;
  enterprise?: string;
  cost?: number;
  credits?: number;
  refunds?: number;
  taxes?: number;
}

describe('npm run preview', () => {
  let aws: AwsSandbox;
  let endpoints: string[];
  let base: string[];

  before(async () => {
    ({aws, endpoints} = await startScenario('happy-path'));
    base = ['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, ...endpoints];
  });
  after(async () => aws.close());

  it('--help prints the usage, every flag in it, on stdout and exits 0', async () => {
    const run = await preview(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: npm run preview/);
    for (const flag of flags) assert.ok(run.stdout.includes(flag), `the usage lists ${flag}`);
    assert.match(run.stdout, /Exit status: 0 .*; 1 .*; 2 bad usage; 130 interrupted/s);
    assert.equal(run.stderr, '');
  });

  for (const [args, error] of [
    [['--linked', 'Acme Retail'], 'preview: --linked must be ACCOUNT=NAME with a 12-digit AWS account ID, not "Acme Retail"'],
    [['--linked', '21098765432=Acme Retail'], 'preview: --linked must be ACCOUNT=NAME with a 12-digit AWS account ID, not "21098765432=Acme Retail"'],
    [['--linked', `${RETAIL}=`], `preview: --linked must be ACCOUNT=NAME with a 12-digit AWS account ID, not "${RETAIL}="`],
    [['--payer', 'acme'], 'preview: --payer must be a 12-digit AWS account ID, not "acme"'],
    [['--costs', 'mixed'], 'preview: --costs must be unblended or blended, not "mixed"'],
    [['--report-name', 'x'], 'preview: unknown option --report-name'],
  ] as const) {
    it(`names the option and what it takes for ${args.join(' ')}, and exits 2`, async () => {
      const run = await preview(['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, ...args]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr.split('\n')[0], error);
      assert.match(run.stderr, /Usage: npm run preview/);
      noStackTrace(run);
    });
  }

  it('says --bucket is required, and exits 2', async () => {
    const run = await preview(['--access-key-id', PRICING_KEY.accessKeyId]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.split('\n')[0], 'preview: --bucket is required');
  });

  it('prints who is billed for each account: the keynode, a linked enterprise, nobody; and the linked enterprise without usage', async () => {
    const run = await preview([...base, ...LINKED]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stderr, '', 'no progress and no check lines when nothing is a terminal and every check passed');
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `Report cur/abiquo-hourly in bucket ${BILLING_BUCKET}`);
    assert.match(lines[2]!, /^AWS account +Billed to +Cost +Credits +Refunds +Taxes$/);
    const line = (account: string) => lines.find((l) => l.startsWith(account)) ?? '';
    assert.match(line(PAYER_ACCOUNT), /^\d{12} +This keynode \(the payer account\) +\d+\.\d\d +-\d+\.\d\d +-\d+\.\d\d +\d+\.\d\d$/);
    assert.match(line(RETAIL), /^\d{12} +Acme Retail +\d/);
    assert.match(line(ANALYTICS), /^\d{12} +Not billed: no linked enterprise +\d/);
    assert.match(line(UNCLAIMED_ACCOUNT), /^\d{12} +Not billed: no linked enterprise +\d/);
    assert.match(line(STAGING), /^\d{12} +Acme Staging +No cost in this period$/);
    assert.match(run.stdout, /^Top \d services: Amazon Elastic Compute Cloud \d+\.\d\d · /m);
    assert.match(run.stdout, /^\d{8}-\d{8}, unblended costs: \d+\.\d\d USD in 480 line items\.$/m);
    assert.match(run.stdout, /^Included: credits -\d+\.\d\d, refunds -\d+\.\d\d, taxes \d+\.\d\d\. Last usage hour: \d{4}-\d\d-\d\d \d\d:00 UTC\.$/m);
    assert.match(run.stdout, /^2 AWS account\(s\) have costs but no linked enterprise/m);
  });

  it('--json --costs blended: one document whose figures are what the report file adds up to', async () => {
    const run = await preview([...base, ...LINKED, '--json', '--costs', 'blended']);
    assert.equal(run.status, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      report: {period: string; reportName: string};
      basis: string;
      currency: string;
      total: number;
      rows: number;
      lines: Line[];
    };
    assert.deepEqual([doc.report.reportName, doc.basis, doc.currency], ['abiquo-hourly', 'blended', 'USD']);
    const kinds = Object.fromEntries(doc.lines.map((l) => [l.accountId, l.kind]));
    assert.deepEqual(kinds, {[PAYER_ACCOUNT]: 'keynode', [RETAIL]: 'billed', [ANALYTICS]: 'unbilled', [UNCLAIMED_ACCOUNT]: 'unbilled', [STAGING]: 'idle'});
    assert.equal(doc.lines.find((l) => l.kind === 'billed')?.enterprise, 'Acme Retail');

    const rows = await reportRows(s3Client(aws, PRICING_KEY), BILLING_BUCKET, `cur/abiquo-hourly/${doc.report.period}/abiquo-hourly-Manifest.json`);
    assert.equal(doc.rows, rows.length);
    const sum = (keep: (row: Record<string, string>) => boolean, column = 'lineItem/BlendedCost') =>
      Number(rows.filter(keep).reduce((total, row) => total + costUnits(row[column]!), 0n)) / 1e10;
    const near = (actual: number | undefined, expected: number, what: string) =>
      assert.ok(Math.abs(actual! - expected) < 1e-8, `${what}: ${actual} ≠ ${expected}`);
    near(
      doc.total,
      sum(() => true),
      'total',
    );
    for (const line of doc.lines.filter((l) => l.kind !== 'idle')) {
      const mine = (row: Record<string, string>) => row['lineItem/UsageAccountId'] === line.accountId;
      const ofType = (type: string) => (row: Record<string, string>) => mine(row) && row['lineItem/LineItemType'] === type;
      near(line.cost, sum(mine), `${line.accountId} cost`);
      near(line.credits, sum(ofType('Credit')), `${line.accountId} credits`);
      near(line.refunds, sum(ofType('Refund')), `${line.accountId} refunds`);
      near(line.taxes, sum(ofType('Tax')), `${line.accountId} taxes`);
    }
  });

  it('--lang es: the table and the totals in Spanish', async () => {
    const run = await preview([...base, '--lang', 'es', '--linked', `${RETAIL}=Acme Retail`]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Informe cur\/abiquo-hourly del bucket acme-billing-reports$/m);
    assert.match(run.stdout, /^\d{12} +Sin facturar: ninguna empresa vinculada +\d+,\d\d/m);
    assert.match(run.stdout, /costes no combinados: \d+,\d\d USD en 480 partidas\./);
  });

  it('a wrong secret: the check says so on stderr, nothing is read, exits 1, the secret is never echoed; --json says it as {checks, error}', async () => {
    const run = await preview(base, {stdin: `${WRONG_SECRET}\n`});
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^✖ AWS_SECRET_MISMATCH +Secret access key: it doesn't match this access key ID/m);
    assert.match(run.stderr, /A check failed, so the report was not read: fix what it says and run the command again\.\n$/);
    assert.equal((run.stdout + run.stderr).includes(WRONG_SECRET), false);
    const json = JSON.parse((await preview([...base, '--json'], {stdin: WRONG_SECRET})).stdout) as {checks: {code: string}[]; error: {code: string}};
    assert.equal(json.error.code, 'CHECK_FAILED');
    assert.ok(json.checks.some((c) => c.code === 'AWS_SECRET_MISMATCH'));
  });

  it('a report AWS has not delivered yet: the check says so, nothing to read, exits 1', async () => {
    const {aws: empty, endpoints: emptyEndpoints} = await startScenario('no-data-yet');
    try {
      const run = await preview(['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, ...emptyEndpoints]);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /^! DATA_NOT_YET /m);
      assert.match(run.stderr, /\nNo report can be read, so there is nothing to preview: the lines above say why\.\n$/);
      noStackTrace(run);
      // Named, the report is known to be waiting for its first delivery.
      const named = await preview([
        '--access-key-id',
        PRICING_KEY.accessKeyId,
        '--bucket',
        BILLING_BUCKET,
        '--prefix',
        'cur',
        '--report',
        'abiquo-hourly',
        ...emptyEndpoints,
      ]);
      assert.equal(named.status, 1, named.stdout + named.stderr);
      assert.match(named.stderr, /\nAWS has not delivered a complete billing period of abiquo-hourly yet, so there is nothing to read\./);
    } finally {
      await empty.close();
    }
  });

  it('a ZIP report reads as the GZIP one does', async () => {
    const {aws: zip, endpoints: zipEndpoints} = await startScenario('zip-report');
    try {
      const run = await preview(['--access-key-id', PRICING_KEY.accessKeyId, '--bucket', BILLING_BUCKET, ...zipEndpoints, '--json']);
      assert.equal(run.status, 0, run.stderr);
      const doc = JSON.parse(run.stdout) as {report: {compression: string}; rows: number; lines: Line[]};
      assert.equal(doc.report.compression, 'ZIP');
      assert.equal(doc.rows, 50);
      assert.equal(doc.lines.length, 4);
    } finally {
      await zip.close();
    }
  });

  it('on a terminal, shows how far the reading got on stderr, then the table', {timeout: 60_000}, async (t) => {
    const terminal = openTerminal('preview', [...base, '--linked', `${RETAIL}=Acme\\ Retail`], t.signal, {AWS_SECRET_ACCESS_KEY: PRICING_KEY.secretAccessKey});
    assert.equal(await terminal.exited, 0, terminal.output());
    assert.match(terminal.output(), /Reading the report… [\d.]+ MB of [\d.]+ MB · 480 line items/);
    assert.match(terminal.output(), /\x1b\[K\r?\n?Report cur\/abiquo-hourly/);
    assert.match(terminal.output(), /Acme Retail/);
  });
});
