/**
 * Generates a bucket's objects from its scenario `contents`: the S3 layouts AWS delivers for legacy CUR (CSV with
 * GZIP or ZIP, or Parquet, "create new report version" or "overwrite"), CUR 2.0 exports, Athena/Parquet CURs, a
 * report not yet delivered, and unrelated objects in bulk; legacy manifests can be broken as real setups break them. Layouts follow docs/sandbox-aws.md and the AWS CUR reference notes.
 */
import {createHash} from 'node:crypto';
import {gzipSync} from 'node:zlib';
import {zipSync} from 'fflate';
import {LEGACY_CUR_COLUMNS} from './cur-legacy-columns.ts';
import {isoSecond, lineItems, randomChars, randomUuid, seededRandom, snakeCaseColumn, toCsv, type Period, type Random} from './line-items.ts';
import type {AwsBucket, BulkContent, BucketContent, Cur2Content, LegacyCurContent, ParquetContent} from './scenario-types.ts';

export interface SeedObject {
  key: string;
  body: Buffer;
  contentType: string;
  /** Kept in memory and served by the proxy, not written to s3rver's disk: bulk filler (see seed.ts). */
  inMemory?: boolean;
}

/** The object AWS writes at the report prefix when a report is created, to test that it can deliver. */
export const ACCESS_TEST_OBJECT = 'aws-programmatic-access-test-object';

const JSON_TYPE = 'application/json';
const CUR2_COLUMNS = LEGACY_CUR_COLUMNS.filter((c) => !c.startsWith('product/') || ['product/ProductName', 'product/productFamily', 'product/regionCode'].includes(c));

const join = (...parts: (string | undefined)[]): string => parts.filter((p) => p).join('/');
const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const json = (key: string, value: unknown): SeedObject => ({key, body: Buffer.from(JSON.stringify(value, null, 2)), contentType: JSON_TYPE});

/** The `count` most recent monthly periods up to and including the month of `now`, oldest first. */
export function billingPeriods(now: Date, count: number): Period[] {
  const periods: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    periods.push({start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))});
  }
  return periods;
}

export const periodFolder = (p: Period): string => `${ymd(p.start)}-${ymd(p.end)}`;

export function* bucketObjects(bucket: AwsBucket, now: Date): Generator<SeedObject> {
  for (const content of bucket.contents ?? []) yield* contentObjects(bucket, content, now);
}

function* contentObjects(bucket: AwsBucket, content: BucketContent, now: Date): Generator<SeedObject> {
  switch (content.type) {
    case 'legacy-cur':
      yield accessTestObject(content.prefix);
      yield* legacyCur(bucket, content, now);
      return;
    case 'legacy-cur-defined-no-data':
      yield accessTestObject(content.prefix);
      return;
    case 'cur2':
      yield* cur2(bucket, content, now);
      return;
    case 'parquet':
      yield accessTestObject(content.prefix);
      yield* parquet(bucket, content, now);
      return;
    case 'bulk':
      yield* bulk(content, now);
      return;
    case 'object':
      yield {key: content.key, body: Buffer.from(content.body), contentType: content.contentType ?? 'text/plain'};
      return;
  }
}

function accessTestObject(prefix: string | undefined): SeedObject {
  return {key: join(prefix, ACCESS_TEST_OBJECT), body: Buffer.from(''), contentType: 'binary/octet-stream'};
}

interface ReportRun {
  random: Random;
  payer: string;
  usageAccounts: string[];
  rows: number;
}

function reportRun(bucket: AwsBucket, content: {linkedAccounts?: string[]; rowsPerFile?: number}, seed: string): ReportRun {
  return {
    random: seededRandom(`${bucket.name}/${seed}`),
    payer: bucket.account,
    usageAccounts: [bucket.account, ...(content.linkedAccounts ?? [])],
    rows: content.rowsPerFile ?? 50,
  };
}

function periodItems(run: ReportRun, period: Period, now: Date, timeUnit: 'HOURLY' | 'DAILY'): Record<string, string>[] {
  return lineItems({period, until: now, payer: run.payer, usageAccounts: run.usageAccounts, rows: run.rows, timeUnit, random: run.random, invoiced: period.end <= now});
}

/** When AWS delivered assembly `index` of `count` for a period: daily refreshes, the last one shortly before now. */
function deliveryTime(period: Period, now: Date, index: number, count: number): Date {
  const last = Math.min(now.getTime() - 3_600_000, period.end.getTime() + 2 * 86_400_000);
  return new Date(last - (count - 1 - index) * 86_400_000);
}

/** Data file `n` of a legacy report: CSV compressed as configured, or a Parquet placeholder. */
function legacyDataFile(c: LegacyCurContent, dir: string, n: number, columns: readonly string[], rows: () => Record<string, string>[], random: Random): SeedObject {
  if (c.compression === 'Parquet') {
    return {key: `${dir}/${c.reportName}-${String(n).padStart(5, '0')}.snappy.parquet`, body: parquetPlaceholder(random), contentType: 'binary/octet-stream'};
  }
  const csvName = `${c.reportName}-${n}.csv`;
  const csv = Buffer.from(toCsv(columns, rows()));
  return c.compression === 'ZIP'
    ? {key: `${dir}/${csvName}.zip`, body: Buffer.from(zipSync({[csvName]: csv})), contentType: 'application/zip'}
    : {key: `${dir}/${csvName}.gz`, body: gzipSync(csv), contentType: 'application/x-gzip'};
}

/** The manifest's `columns`: `{category, name}` for CSV; snake_case names typed STRING for Parquet (aws-cur.md §1.2). */
function manifestColumns(columns: readonly string[], parquetNames: boolean): {category: string; name: string; type?: string}[] {
  return columns.map((column) => {
    const [category = '', name = ''] = column.split('/');
    return parquetNames ? {category, name: snakeCaseColumn(column), type: 'STRING'} : {category, name};
  });
}

/** The manifest of one folder, as AWS wrote it or as the scenario broke it. */
function manifestObjects(dir: string, c: LegacyCurContent, manifest: Record<string, unknown>): SeedObject[] {
  const broken = c.manifest ?? {};
  if (broken.fileName === null) return [];
  const key = `${dir}/${broken.fileName ?? `${c.reportName}-Manifest.json`}`;
  return [broken.body === undefined ? json(key, {...manifest, ...broken.fields}) : {key, body: Buffer.from(broken.body), contentType: JSON_TYPE}];
}

function* legacyCur(bucket: AwsBucket, c: LegacyCurContent, now: Date): Generator<SeedObject> {
  const run = reportRun(bucket, c, c.reportName);
  const base = join(c.prefix, c.reportName);
  const compression = c.compression ?? 'GZIP';
  const parquetFormat = compression === 'Parquet';
  const overwrite = c.versioning === 'OVERWRITE_REPORT';
  const assemblies = overwrite ? 1 : (c.assembliesPerPeriod ?? 1);
  const reportId = createHash('sha256').update(`${bucket.name}/${base}`).digest('hex');
  const dropped = new Set(c.manifest?.dropColumns ?? []);
  const columns = LEGACY_CUR_COLUMNS.filter((column) => !dropped.has(column));
  for (const period of billingPeriods(now, c.periods ?? 3)) {
    const periodDir = join(base, periodFolder(period));
    let manifest: Record<string, unknown> = {};
    for (let a = 0; a < assemblies; a++) {
      const delivered = deliveryTime(period, now, a, assemblies);
      const assemblyId = c.assemblyIdStyle === 'timestamp' ? isoSecond(delivered).replace(/[-:]/g, '') : randomUuid(run.random);
      const dir = overwrite ? periodDir : join(periodDir, assemblyId);
      const reportKeys: string[] = [];
      for (let n = 1; n <= (c.filesPerAssembly ?? 1); n++) {
        const file = legacyDataFile(c, dir, n, columns, () => periodItems(run, period, now, c.timeUnit ?? 'HOURLY'), run.random);
        reportKeys.push(file.key);
        yield file;
      }
      manifest = {
        assemblyId,
        account: run.payer,
        columns: manifestColumns(columns, parquetFormat),
        charset: 'UTF-8',
        compression,
        contentType: parquetFormat ? 'Parquet' : 'text/csv',
        reportId,
        reportName: c.reportName,
        billingPeriod: {start: manifestDate(period.start), end: manifestDate(period.end)},
        bucket: bucket.name,
        reportKeys,
        additionalArtifactKeys: [],
      };
      if (!overwrite) yield* manifestObjects(dir, c, manifest);
    }
    // The period-level manifest always describes the latest delivery.
    yield* manifestObjects(periodDir, c, manifest);
  }
}

const manifestDate = (d: Date): string => `${ymd(d)}T000000.000Z`;

function* cur2(bucket: AwsBucket, c: Cur2Content, now: Date): Generator<SeedObject> {
  const run = reportRun(bucket, c, c.exportName);
  const base = join(c.prefix, c.exportName);
  const exportArn = `arn:aws:bcm-data-exports:us-east-1:${bucket.account}:export/${c.exportName}-${randomUuid(run.random)}`;
  for (const period of billingPeriods(now, c.periods ?? 3)) {
    const partition = `BILLING_PERIOD=${period.start.getUTCFullYear()}-${pad(period.start.getUTCMonth() + 1)}`;
    const key = `${base}/data/${partition}/${c.exportName}-00001.csv.gz`;
    const csv = toCsv(CUR2_COLUMNS, periodItems(run, period, now, 'HOURLY'), snakeCaseColumn);
    yield {key, body: gzipSync(csv), contentType: 'application/x-gzip'};
    yield json(`${base}/metadata/${partition}/${c.exportName}-Manifest.json`, {
      version: '2.0',
      exportArn,
      exportName: c.exportName,
      executionId: randomUuid(run.random),
      billingPeriod: {start: period.start.toISOString(), end: period.end.toISOString()},
      columns: CUR2_COLUMNS.map((column) => ({name: snakeCaseColumn(column), type: column.endsWith('Cost') || column.endsWith('Rate') || column.endsWith('Amount') ? 'double' : 'string'})),
      dataFiles: [`s3://${bucket.name}/${key}`],
      additionalOutputFiles: [],
    });
  }
}

/** Parquet bodies are placeholders with Parquet's magic bytes, not readable tables: nothing in the project parses them. */
const parquetPlaceholder = (random: Random): Buffer => Buffer.concat([Buffer.from('PAR1'), Buffer.from(randomChars(random, 'abcdef0123456789', 256)), Buffer.from('PAR1')]);

function* parquet(bucket: AwsBucket, c: ParquetContent, now: Date): Generator<SeedObject> {
  const run = reportRun(bucket, c, c.reportName);
  const base = join(c.prefix, c.reportName);
  const data = `${base}/${c.reportName}`;
  yield {key: `${base}/crawler-cfn.yml`, body: Buffer.from('AWSTemplateFormatVersion: 2010-09-09\n'), contentType: 'application/x-yaml'};
  yield {key: `${base}/${c.reportName}-create-table.sql`, body: Buffer.from(`CREATE EXTERNAL TABLE ${c.reportName.replace(/\W/g, '_')} (...)\n`), contentType: 'text/plain'};
  yield {key: `${data}/cost_and_usage_data_status/cost_and_usage_data_status.parquet`, body: parquetPlaceholder(run.random), contentType: 'binary/octet-stream'};
  for (const period of billingPeriods(now, c.periods ?? 3)) {
    const dir = `${data}/year=${period.start.getUTCFullYear()}/month=${period.start.getUTCMonth() + 1}`;
    const key = `${dir}/${c.reportName}-00001.snappy.parquet`;
    yield {key, body: parquetPlaceholder(run.random), contentType: 'binary/octet-stream'};
    yield json(`${dir}/${c.reportName}-Manifest.json`, {
      assemblyId: randomUuid(run.random),
      account: run.payer,
      columns: manifestColumns(LEGACY_CUR_COLUMNS, true),
      charset: 'UTF-8',
      compression: 'Parquet',
      contentType: 'Parquet',
      reportId: createHash('sha256').update(`${bucket.name}/${base}`).digest('hex'),
      reportName: c.reportName,
      billingPeriod: {start: manifestDate(period.start), end: manifestDate(period.end)},
      bucket: bucket.name,
      reportKeys: [key],
      additionalArtifactKeys: [],
    });
  }
}

/** Unrelated objects, cheap to make: keys like S3 server access logs (flat) or CloudTrail (daily folders). */
export function* bulk(c: BulkContent, now: Date): Generator<SeedObject> {
  const random = seededRandom(`bulk/${c.prefix}`);
  const prefix = c.prefix.endsWith('/') || c.prefix === '' ? c.prefix : `${c.prefix}/`;
  const body = Buffer.from('79a59df900b949e55d96a1e698fbaced REST.GET.OBJECT - "GET / HTTP/1.1" 200 -\n');
  for (let i = 0; i < c.count; i++) {
    const at = new Date(now.getTime() - (c.count - i) * 60_000);
    const stamp = isoSecond(at).replace(/T|:/g, '-').replace(/Z$/, '');
    const id = randomChars(random, '0123456789ABCDEF', 16);
    const key = c.layout === 'daily'
      ? `${prefix}${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${stamp}-${id}.log`
      : `${prefix}${stamp}-${id}`;
    yield {key, body, contentType: 'binary/octet-stream', inMemory: true};
  }
}
