import {GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client} from '@aws-sdk/client-s3';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {unzipSync} from 'fflate';
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {gunzipSync} from 'node:zlib';
import {KEY_ID} from '../../src/shared/key-shapes.ts';
import {listScenarios} from '../scenario.ts';
import {LEGACY_CUR_COLUMNS} from './cur-legacy-columns.ts';
import {BILLING_BUCKET, LINKED_KEYS, PAYER_ACCOUNT, PRICING_KEY, UNCLAIMED_ACCOUNT} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, failureOf, keyOf, readCsv, reportDefinitionsOf, s3Client, stsClient, userWithKey} from './test-support.ts';

const PERIOD = /^\d{8}-\d{8}\/$/;

async function list(client: S3Client, prefix: string, bucket = BILLING_BUCKET): Promise<{prefixes: string[]; keys: string[]}> {
  const r = await client.send(new ListObjectsV2Command({Bucket: bucket, Prefix: prefix, Delimiter: '/'}));
  return {prefixes: (r.CommonPrefixes ?? []).map((p) => p.Prefix!.slice(prefix.length)), keys: (r.Contents ?? []).map((c) => c.Key!.slice(prefix.length))};
}

async function getBytes(client: S3Client, key: string, bucket = BILLING_BUCKET): Promise<Uint8Array> {
  const object = await client.send(new GetObjectCommand({Bucket: bucket, Key: key}));
  return object.Body!.transformToByteArray();
}

async function getJson(client: S3Client, key: string, bucket = BILLING_BUCKET): Promise<Record<string, unknown>> {
  return JSON.parse(new TextDecoder().decode(await getBytes(client, key, bucket))) as Record<string, unknown>;
}

/** Checks a legacy CSV report under `base` (`cur/abiquo-hourly/`) and returns its newest period's manifest. */
async function checkLegacyReport(client: S3Client, base: string, name: string, compression: 'GZIP' | 'ZIP'): Promise<Record<string, unknown>> {
  const {prefixes} = await list(client, base);
  assert.ok(prefixes.length > 0 && prefixes.every((p) => PERIOD.test(p)), `period folders under ${base}: ${prefixes.join(' ')}`);
  const manifest = await getJson(client, `${base}${prefixes.at(-1)}${name}-Manifest.json`);
  assert.equal(manifest['reportName'], name);
  assert.equal(manifest['bucket'], BILLING_BUCKET);
  assert.equal(manifest['account'], PAYER_ACCOUNT);
  assert.equal(manifest['compression'], compression);
  assert.equal(manifest['contentType'], 'text/csv');
  assert.equal((manifest['columns'] as unknown[]).length, LEGACY_CUR_COLUMNS.length);
  const dataKey = (manifest['reportKeys'] as string[])[0]!;
  assert.ok(dataKey.startsWith(base) && dataKey.endsWith(compression === 'ZIP' ? '.csv.zip' : '.csv.gz'));
  const bytes = await getBytes(client, dataKey);
  const csv = new TextDecoder().decode(compression === 'ZIP' ? Object.values(unzipSync(bytes))[0]! : gunzipSync(bytes));
  const [header, ...rows] = csv.trim().split('\n');
  assert.equal(header, LEGACY_CUR_COLUMNS.join(','));
  assert.ok(rows.length > 0);
  return manifest;
}

async function withScenario(name: string, test: (sandbox: AwsSandbox, client: S3Client) => Promise<void>): Promise<void> {
  const sandbox = await startAws(awsScenario(name));
  try {
    await test(sandbox, s3Client(sandbox, PRICING_KEY, awsScenario(name).buckets.find((b) => b.name === BILLING_BUCKET)?.region ?? 'us-east-1'));
  } finally {
    await sandbox.close();
  }
}

describe('shipped AWS scenarios', () => {
  it('the demo keys are the happy path scenario keys', () => {
    const aws = awsScenario('happy-path');
    const pricing = aws.users.find((u) => u.name === 'abiquo-billing-user')!;
    assert.deepEqual(keyOf(pricing), PRICING_KEY);
    for (const key of LINKED_KEYS) {
      assert.ok(
        aws.users.some(
          (u) =>
            u.accessKeyId === key.accessKeyId &&
            u.secretAccessKey === key.secretAccessKey &&
            u.account === key.account &&
            u.name === 'abiquo-billing-user-public',
        ),
      );
    }
  });

  it('every scenario file loads with keys that are obviously fake', () => {
    for (const name of listScenarios()) {
      const aws = awsScenario(name);
      for (const user of aws.users) {
        assert.match(user.accessKeyId, KEY_ID);
        assert.ok(user.accessKeyId.includes('EXAMPLE') && user.secretAccessKey.includes('EXAMPLE') && user.secretAccessKey.length === 40);
      }
    }
  });

  it('happy path: a GZIP legacy report with create-new assemblies and period-level manifests, readable by every identity', () =>
    withScenario('happy-path', async (sandbox, client) => {
      const manifest = await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'GZIP');
      assert.match((manifest['reportKeys'] as string[])[0]!, /^cur\/abiquo-hourly\/\d{8}-\d{8}\/[0-9a-f-]{36}\/abiquo-hourly-1\.csv\.gz$/);
      assert.deepEqual(await list(client, 'cur/'), {prefixes: ['abiquo-hourly/'], keys: ['aws-programmatic-access-test-object']});
      for (const user of awsScenario('happy-path').users) await stsClient(sandbox, keyOf(user)).send(new GetCallerIdentityCommand({}));
    }));

  it('happy path: the newest report bills the payer, two linked accounts and one nobody has keys for, each with every kind of line', () =>
    withScenario('happy-path', async (_s, client) => {
      const manifest = await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'GZIP');
      const {rows} = readCsv(gunzipSync(await getBytes(client, (manifest['reportKeys'] as string[])[0]!)).toString());
      const kinds = new Map<string, Set<string>>();
      for (const row of rows)
        kinds.set(row['lineItem/UsageAccountId']!, (kinds.get(row['lineItem/UsageAccountId']!) ?? new Set()).add(row['lineItem/LineItemType']!));
      const [retail, analytics, staging] = LINKED_KEYS.map((k) => k.account);
      assert.deepEqual([...kinds.keys()].sort(), [PAYER_ACCOUNT, retail, analytics, UNCLAIMED_ACCOUNT].sort(), `${staging} has keys but no usage`);
      for (const [account, types] of kinds) assert.deepEqual([...types].sort(), ['Credit', 'DiscountedUsage', 'Fee', 'Refund', 'Tax', 'Usage'], account);
      assert.ok(!awsScenario('happy-path').users.some((u) => u.account === UNCLAIMED_ACCOUNT), 'no keys, so no linked enterprise, for the unclaimed account');
    }));

  it('zip-report: the report files are ZIP archives', () =>
    withScenario('zip-report', async (_s, client) => void (await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'ZIP'))));

  it('no-prefix: the report folder sits at the bucket root', () =>
    withScenario('no-prefix', async (_s, client) => {
      assert.deepEqual(await list(client, ''), {prefixes: ['abiquo-hourly/'], keys: ['aws-programmatic-access-test-object']});
      await checkLegacyReport(client, 'abiquo-hourly/', 'abiquo-hourly', 'GZIP');
    }));

  it('bucket-eu-west-1: the report is served to a client of eu-west-1', () =>
    withScenario('bucket-eu-west-1', async (_s, client) => void (await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'GZIP'))));

  it('cur2-only: data/ and metadata/BILLING_PERIOD= folders with a CUR 2.0 manifest', () =>
    withScenario('cur2-only', async (_s, client) => {
      assert.deepEqual((await list(client, 'cur/abiquo-hourly/')).prefixes, ['data/', 'metadata/']);
      const periods = (await list(client, 'cur/abiquo-hourly/metadata/')).prefixes;
      assert.ok(periods.length === 3 && periods.every((p) => /^BILLING_PERIOD=\d{4}-\d{2}\/$/.test(p)));
      const manifest = await getJson(client, `cur/abiquo-hourly/metadata/${periods[0]}abiquo-hourly-Manifest.json`);
      assert.match(String(manifest['exportArn']), /^arn:aws:bcm-data-exports:us-east-1:123456789012:export\//);
      assert.ok(manifest['executionId'] && !('reportKeys' in manifest));
      const dataFile = (manifest['dataFiles'] as string[])[0]!;
      const header = gunzipSync(await getBytes(client, dataFile.replace(`s3://${BILLING_BUCKET}/`, '')))
        .toString()
        .split('\n')[0]!;
      assert.ok(header.split(',').includes('line_item_unblended_cost'));
    }));

  it('parquet-only: year=/month= partitions and a Parquet manifest, no period folders', () =>
    withScenario('parquet-only', async (_s, client) => {
      const top = await list(client, 'cur/abiquo-hourly/');
      assert.deepEqual(top.prefixes, ['abiquo-hourly/']);
      assert.ok(top.keys.includes('crawler-cfn.yml'));
      const years = (await list(client, 'cur/abiquo-hourly/abiquo-hourly/')).prefixes;
      assert.ok(years.some((p) => /^year=\d{4}\/$/.test(p)));
      const month = (await list(client, `cur/abiquo-hourly/abiquo-hourly/${years.find((p) => p.startsWith('year='))}`)).prefixes[0]!;
      const base = `cur/abiquo-hourly/abiquo-hourly/${years.find((p) => p.startsWith('year='))}${month}`;
      const manifest = await getJson(client, `${base}abiquo-hourly-Manifest.json`);
      assert.equal(manifest['compression'], 'Parquet');
      assert.match((manifest['reportKeys'] as string[])[0]!, /abiquo-hourly-00001\.snappy\.parquet$/);
    }));

  it('no-data-yet: only the access-test object exists at the prefix', () =>
    withScenario('no-data-yet', async (_s, client) => {
      assert.deepEqual(await list(client, 'cur/'), {prefixes: [], keys: ['aws-programmatic-access-test-object']});
      assert.deepEqual(await list(client, 'cur/abiquo-hourly/'), {prefixes: [], keys: []});
    }));

  it('two-reports: two report folders, the second overwriting ZIP files directly in its period folders', () =>
    withScenario('two-reports', async (_s, client) => {
      assert.deepEqual((await list(client, 'cur/')).prefixes, ['abiquo-hourly/', 'finance-daily/']);
      await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'GZIP');
      const manifest = await checkLegacyReport(client, 'cur/finance-daily/', 'finance-daily', 'ZIP');
      assert.match((manifest['reportKeys'] as string[])[0]!, /^cur\/finance-daily\/\d{8}-\d{8}\/finance-daily-1\.csv\.zip$/);
    }));

  it('pages through a listing with continuation tokens like S3', () =>
    withScenario('happy-path', async (_s, client) => {
      const all = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/'}));
      const paged: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({Bucket: BILLING_BUCKET, Prefix: 'cur/', MaxKeys: 4, ContinuationToken: token}));
        assert.ok((page.KeyCount ?? 0) <= 4);
        paged.push(...(page.Contents ?? []).map((c) => c.Key!));
        token = page.NextContinuationToken;
      } while (token);
      assert.deepEqual(
        paged,
        all.Contents!.map((c) => c.Key!),
      );
    }));

  it("broken-reports: each report of acme-broken-reports keeps AWS's layout and breaks its manifest one way", () =>
    withScenario('broken-reports', async (_s, client) => {
      const bucket = 'acme-broken-reports';
      const period = async (name: string) => `cur/${name}/${(await list(client, `cur/${name}/`, bucket)).prefixes.at(-1)}`;
      const manifest = async (name: string) => getJson(client, `${await period(name)}${name}-Manifest.json`, bucket);
      const text = async (key: string) => new TextDecoder().decode(await getBytes(client, key, bucket));

      assert.equal((await list(client, 'cur/', bucket)).prefixes.length, 9);
      const renamed = await list(client, await period('renamed-folder'), bucket);
      assert.ok(renamed.keys.includes('Renamed-Folder-Manifest.json') && !renamed.keys.includes('renamed-folder-Manifest.json'));
      const truncated = await text(`${await period('truncated-manifest')}truncated-manifest-Manifest.json`);
      assert.throws(() => JSON.parse(truncated), SyntaxError);
      assert.equal((await manifest('renamed-copy'))['reportName'], 'abiquo-hourly');
      assert.equal((await manifest('abiquo-hourly'))['bucket'], BILLING_BUCKET);
      const parquet = await manifest('parquet-report');
      assert.deepEqual([parquet['compression'], parquet['contentType']], ['Parquet', 'Parquet']);
      assert.match((parquet['reportKeys'] as string[])[0]!, /^cur\/parquet-report\/\d{8}-\d{8}\/[0-9a-f-]{36}\/parquet-report-00001\.snappy\.parquet$/);
      const copy = await manifest('decompressed-copy');
      assert.deepEqual([copy['compression'], copy['contentType']], ['NONE', 'application/octet-stream']);
      const trimmed = await manifest('trimmed-columns');
      const names = (trimmed['columns'] as {category: string; name: string}[]).map((c) => `${c.category}/${c.name}`);
      assert.deepEqual(
        LEGACY_CUR_COLUMNS.filter((c) => !names.includes(c)),
        ['bill/PayerAccountId', 'lineItem/BlendedCost'],
      );
      const header = gunzipSync(await getBytes(client, (trimmed['reportKeys'] as string[])[0]!, bucket))
        .toString()
        .split('\n')[0]!;
      assert.equal(header, names.join(','));
    }));

  it('bucket-eu-legacy-location: GetBucketLocation answers EU while x-amz-bucket-region says eu-west-1', () =>
    withScenario('bucket-eu-legacy-location', async (sandbox, client) => {
      assert.equal((await client.send(new GetBucketLocationCommand({Bucket: BILLING_BUCKET}))).LocationConstraint, 'EU');
      const fromUsEast1 = await s3Client(sandbox, PRICING_KEY, 'us-east-1').send(new GetBucketLocationCommand({Bucket: BILLING_BUCKET}));
      assert.equal(fromUsEast1.LocationConstraint, 'EU');
      assert.equal((await client.send(new HeadBucketCommand({Bucket: BILLING_BUCKET}))).BucketRegion, 'eu-west-1');
      const redirect = await failureOf(s3Client(sandbox, PRICING_KEY, 'us-east-1').send(new HeadBucketCommand({Bucket: BILLING_BUCKET})));
      assert.deepEqual([redirect.status, redirect.headers['x-amz-bucket-region']], [301, 'eu-west-1']);
      await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'GZIP');
    }));

  it('happy-path: GetBucketLocation of a us-east-1 bucket is an empty LocationConstraint (AWS: null)', () =>
    withScenario('happy-path', async (_s, client) => {
      assert.equal((await client.send(new GetBucketLocationCommand({Bucket: BILLING_BUCKET}))).LocationConstraint, undefined);
    }));

  it('period-in-progress: the newest period holds an assembly folder with data only; the one before is complete', () =>
    withScenario('period-in-progress', async (_s, client) => {
      const base = 'cur/abiquo-hourly/';
      assert.deepEqual((await list(client, base)).prefixes, ['20260901-20261001/', '20261001-20261101/', '20261101-20261201/']);
      const newest = await list(client, `${base}20261101-20261201/`);
      assert.deepEqual(newest.keys, []);
      assert.equal(newest.prefixes.length, 1);
      assert.match(newest.prefixes[0]!, /^[0-9a-f-]{36}\/$/);
      const assembly = await list(client, `${base}20261101-20261201/${newest.prefixes[0]}`);
      assert.deepEqual(assembly, {prefixes: [], keys: ['abiquo-hourly-1.csv.gz']});
      const data = await client.send(
        new HeadObjectCommand({Bucket: BILLING_BUCKET, Key: `${base}20261101-20261201/${newest.prefixes[0]}abiquo-hourly-1.csv.gz`}),
      );
      assert.equal(data.LastModified?.toISOString(), '2026-11-01T07:12:31.000Z');
      const missing = await failureOf(client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: `${base}20261101-20261201/abiquo-hourly-Manifest.json`})));
      assert.deepEqual([missing.name, missing.status], ['NoSuchKey', 404]);
      const previous = await client.send(new GetObjectCommand({Bucket: BILLING_BUCKET, Key: `${base}20261001-20261101/abiquo-hourly-Manifest.json`}));
      assert.equal(previous.LastModified?.toISOString(), '2026-10-31T07:12:31.000Z');
      const manifest = JSON.parse(await previous.Body!.transformToString()) as {billingPeriod: {start: string}};
      assert.equal(manifest.billingPeriod.start, '20261001T000000.000Z');
      assert.equal((await list(client, `${base}20261001-20261101/`)).prefixes.length, 2);
    }));

  it('period-not-started: no folder for the month just begun; the earlier periods are complete', () =>
    withScenario('period-not-started', async (sandbox, client) => {
      assert.deepEqual((await list(client, 'cur/abiquo-hourly/')).prefixes, ['20260901-20261001/', '20261001-20261101/']);
      const manifest = await getJson(client, 'cur/abiquo-hourly/20261001-20261101/abiquo-hourly-Manifest.json');
      assert.equal(manifest['reportName'], 'abiquo-hourly');
      const [definition] = await reportDefinitionsOf(sandbox, PRICING_KEY);
      assert.deepEqual(definition?.['ReportStatus'], {lastDelivery: '20261031T060500Z', lastStatus: 'SUCCESS'});
    }));

  it("delivery-stopped: ERROR_PERMISSIONS, no folder for periods begun since, lastDelivery = the newest manifest's Last-Modified", () =>
    withScenario('delivery-stopped', async (sandbox, client) => {
      const stoppedAt = Date.now() - 40 * 86_400_000;
      const periods = (await list(client, 'cur/abiquo-hourly/')).prefixes;
      assert.ok(periods.length >= 1 && periods.every((p) => Date.UTC(+p.slice(0, 4), +p.slice(4, 6) - 1, +p.slice(6, 8)) <= stoppedAt), periods.join(' '));
      const head = await client.send(new HeadObjectCommand({Bucket: BILLING_BUCKET, Key: `cur/abiquo-hourly/${periods.at(-1)}abiquo-hourly-Manifest.json`}));
      const [definition] = await reportDefinitionsOf(sandbox, PRICING_KEY);
      const status = definition?.['ReportStatus'] as {lastDelivery: string; lastStatus: string};
      assert.equal(status.lastStatus, 'ERROR_PERMISSIONS');
      assert.equal(status.lastDelivery, head.LastModified!.toISOString().replace(/[-:]|\.\d{3}/g, ''));
      assert.ok(Math.abs(head.LastModified!.getTime() - stoppedAt) < 2 * 86_400_000 + 60_000);
    }));

  it('dotted-bucket: the report sits in acme.billing.reports, read path-style', () =>
    withScenario('dotted-bucket', async (sandbox) => {
      const client = s3Client(sandbox, PRICING_KEY);
      const periods = await list(client, 'cur/abiquo-hourly/', 'acme.billing.reports');
      const manifest = await getJson(client, `cur/abiquo-hourly/${periods.prefixes.at(-1)}abiquo-hourly-Manifest.json`, 'acme.billing.reports');
      assert.equal(manifest['bucket'], 'acme.billing.reports');
      assert.equal((await reportDefinitionsOf(sandbox, PRICING_KEY))[0]?.['S3Bucket'], 'acme.billing.reports');
    }));

  it('report-definition-absent: the files are there, DescribeReportDefinitions lists nothing', () =>
    withScenario('report-definition-absent', async (sandbox, client) => {
      await checkLegacyReport(client, 'cur/abiquo-hourly/', 'abiquo-hourly', 'GZIP');
      assert.deepEqual(await reportDefinitionsOf(sandbox, PRICING_KEY), []);
    }));

  it('report-definition-elsewhere: the pricing key reads the report but sees no definition; the owning account does', () =>
    withScenario('report-definition-elsewhere', async (sandbox, client) => {
      const {prefixes} = await list(client, 'cur/abiquo-hourly/');
      const manifest = await getJson(client, `cur/abiquo-hourly/${prefixes.at(-1)}abiquo-hourly-Manifest.json`);
      assert.equal(manifest['account'], '111122223333');
      assert.deepEqual(await reportDefinitionsOf(sandbox, PRICING_KEY), []);
      const owner = keyOf(userWithKey(awsScenario('report-definition-elsewhere'), 'AKIAMGMTCURADEXAMPLE'));
      const definitions = await reportDefinitionsOf(sandbox, owner);
      assert.deepEqual(
        definitions.map((d) => [d['ReportName'], d['S3Bucket'], d['S3Prefix']]),
        [['abiquo-hourly', BILLING_BUCKET, 'cur']],
      );
      const caller = await stsClient(sandbox, PRICING_KEY).send(new GetCallerIdentityCommand({}));
      assert.equal(caller.Account, PAYER_ACCOUNT);
    }));

  it('leading-slash: the report folder is /abiquo-hourly/ and its definition has an empty S3Prefix', () =>
    withScenario('leading-slash', async (sandbox, client) => {
      assert.deepEqual(await list(client, ''), {prefixes: ['/'], keys: []});
      assert.equal((await list(client, '/abiquo-hourly/')).prefixes.length, 3);
      const [definition] = await reportDefinitionsOf(sandbox, PRICING_KEY);
      assert.equal(definition?.['S3Prefix'], '');
    }));
});
