/**
 * The engine on bucket layouts real operators have (issue 11): each scenario reproduces what AWS documents
 * (the CUR user guide's layouts; the S3 and CUR API references), served by the simulated S3 over real HTTP.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {startAws, type AwsSandbox} from '../../sandbox/aws/index.ts';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {AwsScenario} from '../../sandbox/aws/scenario-types.ts';
import {loadScenario} from '../../sandbox/scenario.ts';
import type {SetupInput, Verdict} from './types.ts';
import {verifySetup} from './verify-setup.ts';

const base: SetupInput = {
  keys: PRICING_KEY,
  expectedUserName: 'abiquo-billing-user',
  bucket: 'acme-billing-reports',
  prefix: 'cur',
  reportName: 'abiquo-hourly',
};
const running: AwsSandbox[] = [];
after(async () => Promise.all(running.map((aws) => aws.close())));

async function verify(scenario: string, input: Partial<SetupInput> = {}): Promise<Verdict> {
  const aws = await startAws(loadScenario(scenario).aws as unknown as AwsScenario);
  running.push(aws);
  return verifySetup({...base, ...input}, {endpoints: {s3: aws.s3Url, sts: aws.stsUrl, cur: aws.curUrl}});
}
const codes = (verdict: Verdict) => verdict.checks.map((c) => `${c.status}:${c.code}`);
const checkOf = (verdict: Verdict, code: string) => verdict.checks.find((c) => c.code === code);

describe('real bucket layouts', () => {
  it('a report without a path prefix (keys beginning with "/"): found, read, and explained', async () => {
    for (const input of [
      {prefix: '', reportName: 'abiquo-hourly'},
      {prefix: '', reportName: ''},
    ]) {
      const verdict = await verify('leading-slash', input);
      assert.ok(codes(verdict).includes('warn:REPORT_KEYS_LEADING_SLASH'), codes(verdict).join(' '));
      assert.ok(codes(verdict).includes('pass:MANIFEST_OK'), codes(verdict).join(' '));
      assert.deepEqual([verdict.report?.prefix, verdict.report?.reportName, verdict.report?.folder], ['', 'abiquo-hourly', '/abiquo-hourly/']);
    }
  });

  it('the newest period still being delivered: the complete previous one is checked, and that is said', async () => {
    const verdict = await verify('period-in-progress');
    assert.deepEqual(checkOf(verdict, 'PERIOD_IN_PROGRESS')?.facts, {period: '20261101-20261201', checked: '20261001-20261101'});
    assert.equal(verdict.report?.billingPeriod, '20261001-20261101');
    assert.equal(
      verdict.checks.some((c) => c.status === 'fail'),
      false,
      codes(verdict).join(' '),
    );
  });

  it('a bucket created with the legacy location EU, its region typed as EU: no correction, eu-west-1 written', async () => {
    const verdict = await verify('bucket-eu-legacy-location', {region: 'EU'});
    assert.ok(codes(verdict).includes('pass:BUCKET_REGION_OK'), codes(verdict).join(' '));
    assert.equal(verdict.report?.region, 'eu-west-1');
  });

  it('a report with no definition the keys can see says it is defined elsewhere, not that a permission is missing', async () => {
    for (const scenario of ['report-definition-absent', 'report-definition-elsewhere']) {
      const verdict = await verify(scenario);
      assert.equal(checkOf(verdict, 'REPORT_DEFINITION_ELSEWHERE')?.status, 'skipped', scenario);
      assert.equal(
        verdict.checks.some((c) => c.code === 'REPORT_DEFINITION_UNREADABLE'),
        false,
        scenario,
      );
      assert.ok(verdict.report, scenario);
    }
  });

  it('a bucket name with dots', async () => {
    const verdict = await verify('dotted-bucket', {bucket: 'acme.billing.reports'});
    assert.ok(codes(verdict).includes('pass:MANIFEST_OK'), codes(verdict).join(' '));
    assert.equal(verdict.report?.bucket, 'acme.billing.reports');
  });
});
