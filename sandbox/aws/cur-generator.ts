/**
 * Generates a bucket's objects from its scenario `contents`: the S3 layouts AWS delivers for legacy CUR (CSV with
 * GZIP or ZIP, or Parquet, "create new report version" or "overwrite"), CUR 2.0 exports, Athena/Parquet CURs, a
 * report not yet delivered, and unrelated objects in bulk; legacy manifests can be broken as real setups break them. Layouts follow docs/sandbox-aws.md and the AWS CUR reference notes.
 * Every object carries the time it was written (a delivery, a log line), which S3 returns as Last-Modified.
 */
import {createHash} from 'node:crypto';
import {gzipSync} from 'node:zlib';
import {zipSync} from 'fflate';
import {LEGACY_CUR_COLUMNS} from './cur-legacy-columns.ts';
import {snakeCaseColumn, toCsv} from './csv.ts';
import {lineItems, randomChars, randomUuid, seededRandom, type Period, type Random} from './line-items.ts';
import type {AwsBucket, BulkContent, BucketContent, Cur2Content, LegacyCurContent, ParquetContent} from './scenario-types.ts';

export interface SeedObject {
  key: string;
  body: Buffer;
  contentType: string;
  /** Kept in memory and served by the proxy, never put into s3rver: bulk filler (see seed.ts). */
  inMemory?: boolean;
  /** When the object was written (its Last-Modified); the seeding time when absent. */
  lastModified?: Date;
}

/** The object AWS writes at the report prefix when a report is created, to test that it can deliver. */
export const ACCESS_TEST_OBJECT = 'aws-programmatic-access-test-object';

const JSON_TYPE = 'application/json';
const CUR2_COLUMNS = LEGACY_CUR_COLUMNS.filter(
  (c) => !c.startsWith('product/') || ['product/ProductName', 'product/productFamily', 'product/regionCode'].includes(c),
);

const join = (...parts: (string | undefined)[]): string => parts.filter((p) => p).join('/');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
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
      yield* legacyCur(bucket, content, now);
      return;
    case 'legacy-cur-defined-no-data':
      // Created shortly before now: AWS delivers the first report within 24 hours.
      yield accessTestObject(join(content.prefix, ACCESS_TEST_OBJECT), new Date(now.getTime() - 2 * HOUR_MS));
      return;
    case 'cur2':
      yield* cur2(bucket, content, now);
      return;
    case 'parquet':
      yield* parquet(bucket, content, now);
      return;
    case 'bulk':
      yield* bulk(content, now);
      return;
    case 'object':
      yield {
        key: content.key,
        body: Buffer.from(content.body),
        contentType: content.contentType ?? 'text/plain',
        ...(content.lastModified ? {lastModified: scenarioTime(content.lastModified, now)} : {}),
      };
      return;
  }
}

/** Written by AWS when the report is created, to check that it may write to the bucket. */
function accessTestObject(key: string, createdAt: Date): SeedObject {
  return {key, body: Buffer.from(''), contentType: 'binary/octet-stream', lastModified: createdAt};
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

function* periodItems(run: ReportRun, period: Period, now: Date, timeUnit: 'HOURLY' | 'DAILY'): Generator<Readonly<Record<string, string>>> {
  const items = lineItems({
    period,
    until: now,
    payer: run.payer,
    usageAccounts: run.usageAccounts,
    rows: run.rows,
    timeUnit,
    random: run.random,
    invoiced: period.end <= now,
  });
  for (const item of items) yield item.fields;
}

/**
 * A scenario time: an ISO instant, or a duration before `now` such as `-90m`, `-6h` or `-45d` (so that scenarios
 * without a fixed `now` stay true to their meaning).
 */
export function scenarioTime(value: string, now: Date): Date {
  const relative = /^-(\d+(?:\.\d+)?)([mhd])$/.exec(value);
  const time = relative ? new Date(now.getTime() - Number(relative[1]) * {m: 60_000, h: HOUR_MS, d: DAY_MS}[relative[2] as 'm' | 'h' | 'd']) : new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`Scenario aws: "${value}" is neither an ISO instant nor a duration like -6h`);
  return time;
}

/**
 * The latest delivery of a report: the scenario's `deliveredAt`, or an hour before now but not before the current
 * month began (so that the current period always has a delivery, even in the first hour of a month).
 */
export function latestDelivery(now: Date, deliveredAt: string | undefined): Date {
  if (deliveredAt) return scenarioTime(deliveredAt, now);
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return new Date(Math.max(now.getTime() - HOUR_MS, Math.min(now.getTime(), monthStart)));
}

/**
 * When AWS delivered assembly `index` of `count` for a period: daily refreshes, the last one at the latest delivery
 * (at most 2 days after a closed period's end, when AWS finalizes it).
 */
function deliveryTime(period: Period, latest: Date, index: number, count: number): Date {
  const last = Math.min(latest.getTime(), period.end.getTime() + 2 * DAY_MS);
  return new Date(last - (count - 1 - index) * DAY_MS);
}

interface PeriodDeliveries {
  period: Period;
  /** One per assembly, oldest first. */
  deliveries: Date[];
  /** The first delivery of the newest period, not finished: some or all of its manifests are missing. */
  inProgress: boolean;
}

/**
 * When AWS delivered each period of a legacy report. Every open period is refreshed daily, the latest run at
 * `deliveredAt`; a closed period's last refresh is at most 2 days after its end; nothing is delivered for a period
 * before it starts. With the newest period in progress, the latest run has not finished: the newest period has that
 * one unfinished delivery, and the other periods end with the run before it, a day earlier.
 */
function legacySchedule(c: LegacyCurContent, now: Date): PeriodDeliveries[] {
  const periods = billingPeriods(now, c.periods ?? 3);
  const latest = latestDelivery(now, c.deliveredAt);
  const newestState = c.newestPeriod ?? 'complete';
  const inProgress = newestState === 'no-period-manifest' || newestState === 'data-only';
  const lastComplete = inProgress ? new Date(latest.getTime() - DAY_MS) : latest;
  const perPeriod = c.versioning === 'OVERWRITE_REPORT' ? 1 : (c.assembliesPerPeriod ?? 1);
  return periods.flatMap((period, i): PeriodDeliveries[] => {
    const newest = i === periods.length - 1;
    if (newest && newestState === 'none') return [];
    if (newest && inProgress) return latest >= period.start ? [{period, deliveries: [latest], inProgress: true}] : [];
    const deliveries = Array.from({length: perPeriod}, (_, a) => deliveryTime(period, lastComplete, a, perPeriod)).filter((d) => d >= period.start);
    return deliveries.length > 0 ? [{period, deliveries, inProgress: false}] : [];
  });
}

/** The report folder: `<prefix>/<name>`, or `/<name>` for AWS's leading-slash keys. */
const legacyBase = (c: LegacyCurContent): string => (c.leadingSlash ? `/${c.reportName}` : join(c.prefix, c.reportName));

/** The instant `ReportStatus.lastDelivery` names for a legacy report: its newest finished delivery. */
export function legacyLastDelivery(c: LegacyCurContent, now: Date): Date {
  const finished = legacySchedule(c, now)
    .filter((p) => !p.inProgress)
    .map((p) => p.deliveries.at(-1)!.getTime());
  return finished.length > 0 ? new Date(Math.max(...finished)) : latestDelivery(now, c.deliveredAt);
}

/** The data file of one legacy report delivery (AWS numbers them from 1): CSV, compressed as configured, or Parquet. */
function legacyDataFile(
  c: LegacyCurContent,
  dir: string,
  columns: readonly string[],
  rows: () => Iterable<Readonly<Record<string, string>>>,
  random: Random,
): SeedObject {
  if (c.compression === 'Parquet') {
    return {key: `${dir}/${c.reportName}-00001.snappy.parquet`, body: parquetPlaceholder(random), contentType: 'binary/octet-stream'};
  }
  const csvName = `${c.reportName}-1.csv`;
  const csv = Buffer.from(toCsv(columns, rows()));
  return c.compression === 'ZIP'
    ? {key: `${dir}/${csvName}.zip`, body: Buffer.from(zipSync({[csvName]: csv})), contentType: 'application/zip'}
    : {key: `${dir}/${csvName}.gz`, body: gzipSync(csv), contentType: 'application/x-gzip'};
}

/** The manifest's `columns`: `{category, name}` for CSV; snake_case names typed STRING for Parquet (public fixtures). */
function manifestColumns(columns: readonly string[], parquetNames: boolean): {category: string; name: string; type?: string}[] {
  return columns.map((column) => {
    const [category = '', name = ''] = column.split('/');
    return parquetNames ? {category, name: snakeCaseColumn(column), type: 'STRING'} : {category, name};
  });
}

/** The manifest of one folder, as AWS wrote it or as the scenario broke it. */
function manifestObjects(dir: string, c: LegacyCurContent, manifest: Record<string, unknown>, delivered: Date): SeedObject[] {
  const broken = c.manifest ?? {};
  if (broken.fileName === null) return [];
  const key = `${dir}/${broken.fileName ?? `${c.reportName}-Manifest.json`}`;
  const object = broken.body === undefined ? json(key, {...manifest, ...broken.fields}) : {key, body: Buffer.from(broken.body), contentType: JSON_TYPE};
  return [{...object, lastModified: delivered}];
}

function* legacyCur(bucket: AwsBucket, c: LegacyCurContent, now: Date): Generator<SeedObject> {
  const run = reportRun(bucket, c, c.reportName);
  const base = legacyBase(c);
  const compression = c.compression ?? 'GZIP';
  const parquetFormat = compression === 'Parquet';
  const overwrite = c.versioning === 'OVERWRITE_REPORT';
  const reportId = createHash('sha256').update(`${bucket.name}/${base}`).digest('hex');
  const dropped = new Set(c.manifest?.dropColumns ?? []);
  const columns = LEGACY_CUR_COLUMNS.filter((column) => !dropped.has(column));
  const schedule = legacySchedule(c, now);
  // Created the day before its first delivery.
  const first = schedule[0]?.deliveries[0] ?? latestDelivery(now, c.deliveredAt);
  yield accessTestObject(c.leadingSlash ? `/${ACCESS_TEST_OBJECT}` : join(c.prefix, ACCESS_TEST_OBJECT), new Date(first.getTime() - DAY_MS));
  for (const {period, deliveries, inProgress} of schedule) {
    const periodDir = join(base, periodFolder(period));
    let manifest: Record<string, unknown> = {};
    for (const delivered of deliveries) {
      const assemblyId = randomUuid(run.random);
      const dir = overwrite ? periodDir : join(periodDir, assemblyId);
      const file = legacyDataFile(c, dir, columns, () => periodItems(run, period, now, c.timeUnit ?? 'HOURLY'), run.random);
      const reportKeys = [file.key];
      yield {...file, lastModified: delivered};
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
      if (!overwrite && !(inProgress && c.newestPeriod === 'data-only')) yield* manifestObjects(dir, c, manifest, delivered);
    }
    // The period-level manifest always describes the latest delivery, once it is finished.
    if (!inProgress) yield* manifestObjects(periodDir, c, manifest, deliveries.at(-1)!);
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
    const lastModified = deliveryTime(period, latestDelivery(now, undefined), 0, 1);
    yield {key, body: gzipSync(csv), contentType: 'application/x-gzip', lastModified};
    yield withTime(
      lastModified,
      json(`${base}/metadata/${partition}/${c.exportName}-Manifest.json`, {
        version: '2.0',
        exportArn,
        exportName: c.exportName,
        executionId: randomUuid(run.random),
        billingPeriod: {start: period.start.toISOString(), end: period.end.toISOString()},
        columns: CUR2_COLUMNS.map((column) => ({
          name: snakeCaseColumn(column),
          type: column.endsWith('Cost') || column.endsWith('Rate') || column.endsWith('Amount') ? 'double' : 'string',
        })),
        dataFiles: [`s3://${bucket.name}/${key}`],
        additionalOutputFiles: [],
      }),
    );
  }
}

const withTime = (lastModified: Date, object: SeedObject): SeedObject => ({...object, lastModified});

/** Parquet bodies are placeholders with Parquet's magic bytes, not readable tables: nothing in the project parses them. */
const parquetPlaceholder = (random: Random): Buffer =>
  Buffer.concat([Buffer.from('PAR1'), Buffer.from(randomChars(random, 'abcdef0123456789', 256)), Buffer.from('PAR1')]);

function* parquet(bucket: AwsBucket, c: ParquetContent, now: Date): Generator<SeedObject> {
  const run = reportRun(bucket, c, c.reportName);
  const base = join(c.prefix, c.reportName);
  const data = `${base}/${c.reportName}`;
  const periods = billingPeriods(now, c.periods ?? 3);
  const latest = latestDelivery(now, undefined);
  const created = new Date(deliveryTime(periods[0]!, latest, 0, 1).getTime() - DAY_MS);
  yield accessTestObject(join(c.prefix, ACCESS_TEST_OBJECT), created);
  yield withTime(created, {key: `${base}/crawler-cfn.yml`, body: Buffer.from('AWSTemplateFormatVersion: 2010-09-09\n'), contentType: 'application/x-yaml'});
  yield withTime(created, {
    key: `${base}/${c.reportName}-create-table.sql`,
    body: Buffer.from(`CREATE EXTERNAL TABLE ${c.reportName.replace(/\W/g, '_')} (...)\n`),
    contentType: 'text/plain',
  });
  yield withTime(latest, {
    key: `${data}/cost_and_usage_data_status/cost_and_usage_data_status.parquet`,
    body: parquetPlaceholder(run.random),
    contentType: 'binary/octet-stream',
  });
  for (const period of periods) {
    const dir = `${data}/year=${period.start.getUTCFullYear()}/month=${period.start.getUTCMonth() + 1}`;
    const key = `${dir}/${c.reportName}-00001.snappy.parquet`;
    const lastModified = deliveryTime(period, latest, 0, 1);
    yield {key, body: parquetPlaceholder(run.random), contentType: 'binary/octet-stream', lastModified};
    yield withTime(
      lastModified,
      json(`${dir}/${c.reportName}-Manifest.json`, {
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
      }),
    );
  }
}

/** `folder-0001` … `folder-<folders>`, zero-padded to 4 digits at least so they sort in order. */
export function bulkFolderName(index: number, folders: number): string {
  return `folder-${String(index + 1).padStart(Math.max(4, String(folders).length), '0')}`;
}

/**
 * Unrelated objects, cheap to make: keys like S3 server access logs (flat) or CloudTrail (daily folders), optionally
 * spread among `folders` folders; each is written a minute after the previous one, the last a minute before now.
 */
export function* bulk(c: BulkContent, now: Date): Generator<SeedObject> {
  const random = seededRandom(`bulk/${c.prefix}`);
  const prefix = c.prefix.endsWith('/') || c.prefix === '' ? c.prefix : `${c.prefix}/`;
  const folders = c.folders ?? 0;
  const folderPrefixes = Array.from({length: folders}, (_, f) => `${prefix}${bulkFolderName(f, folders)}/`);
  const body = Buffer.from('79a59df900b949e55d96a1e698fbaced REST.GET.OBJECT - "GET / HTTP/1.1" 200 -\n');
  // Whole seconds, as S3 keeps them.
  const last = Math.floor(now.getTime() / 1000) * 1000 - 60_000;
  for (let i = 0; i < c.count; i++) {
    const at = new Date(last - (c.count - 1 - i) * 60_000);
    // `YYYY-MM-DD-HH-MM-SS`, built directly: this loop makes up to 200,000 keys.
    const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    const stamp = `${date}-${pad(at.getUTCHours())}-${pad(at.getUTCMinutes())}-${pad(at.getUTCSeconds())}`;
    const id = randomChars(random, '0123456789ABCDEF', 16);
    const folder = folders > 0 ? folderPrefixes[i % folders]! : prefix;
    const key = c.layout === 'daily' ? `${folder}${date.replace(/-/g, '/')}/${stamp}-${id}.log` : `${folder}${stamp}-${id}`;
    yield {key, body, contentType: 'binary/octet-stream', inMemory: true, lastModified: at};
  }
}
