/**
 * Discovery's cost does not grow with what else the bucket holds, and a search cut by its bounds says so instead
 * of "not found" (issue 11, point 1). The buckets are key lists in the layout AWS documents for legacy CUR
 * (`<prefix>/<report>/<yyyymmdd-yyyymmdd>/<report>-Manifest.json`, assembly folders below: docs/sandbox-aws.md), listed
 * with ListObjectsV2's documented paging: keys and common prefixes in UTF-8 order, MaxKeys counting both.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ListObjectsV2CommandInput, ListObjectsV2CommandOutput} from '@aws-sdk/client-s3';
import type {EngineClients} from './aws-clients.ts';
import {discoverReports, type DiscoveryOptions} from './discover-reports.ts';
import {selectReport} from './checks/report-choice.ts';

const PERIODS = ['20260901-20261001', '20261001-20261101', '20261101-20261201'];

/** A legacy CUR's keys, as AWS writes them (`prefix` empty: keys begin with `/`, as for a report without a path prefix). */
function curKeys(prefix: string, name: string): string[] {
  return PERIODS.flatMap((period) => {
    const folder = `${prefix}/${name}/${period}/`;
    return [
      `${folder}${name}-Manifest.json`,
      `${folder}0f2a9c1e-1b2c-4d5e-8f90-123456789abc/${name}-1.csv.gz`,
      `${folder}0f2a9c1e-1b2c-4d5e-8f90-123456789abc/${name}-Manifest.json`,
    ];
  });
}

/** `objects` unrelated keys spread over `folders` top-level folders, loose in them (the costly case for listings). */
function unrelated(folders: number, objects: number): string[] {
  return Array.from({length: objects}, (_, i) => `data-${String(i % folders).padStart(4, '0')}/object-${String(i).padStart(6, '0')}.bin`);
}

/** ListObjectsV2 over a key list, as the S3 API reference describes it; counts requests. */
function bucketOf(keys: readonly string[]) {
  const sorted = [...new Set(keys)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const stats = {requests: 0};
  const list = (input: ListObjectsV2CommandInput): Partial<ListObjectsV2CommandOutput> => {
    stats.requests++;
    const prefix = input.Prefix ?? '';
    const after = input.ContinuationToken ?? '';
    const items: {key?: string; prefix?: string}[] = [];
    for (const key of sorted) {
      if (!key.startsWith(prefix)) continue;
      const at = input.Delimiter ? key.indexOf(input.Delimiter, prefix.length) : -1;
      const item = at >= 0 ? {prefix: key.slice(0, at + 1)} : {key};
      const name = item.prefix ?? item.key!;
      if (name <= after || (after.endsWith('/') && name.startsWith(after))) continue;
      if (items.at(-1)?.prefix === item.prefix && item.prefix) continue;
      items.push(item);
    }
    const page = items.slice(0, input.MaxKeys ?? 1000);
    const truncated = items.length > page.length;
    const last = page.at(-1);
    return {
      Contents: page.filter((i) => i.key).map((i) => ({Key: i.key})),
      CommonPrefixes: page.filter((i) => i.prefix).map((i) => ({Prefix: i.prefix})),
      IsTruncated: truncated,
      ...(truncated ? {NextContinuationToken: last!.prefix ?? last!.key} : {}),
    };
  };
  const clients = {forRegion: () => ({s3: {send: async (command: {input: ListObjectsV2CommandInput}) => list(command.input)}})} as unknown as EngineClients;
  return {clients, stats};
}

async function discover(keys: readonly string[], options: DiscoveryOptions = {}) {
  const {clients, stats} = bucketOf(keys);
  const discovery = await discoverReports('acme-billing-reports', 'us-east-1', {clients}, options);
  return {discovery, requests: stats.requests};
}

const exactly = (prefix: string, name: string): DiscoveryOptions => ({
  direct: [`${prefix}/${name}/`, `${prefix}/`],
  enough: (reports) => reports.some((r) => r.reportName === name && r.prefix === prefix),
});

describe('discovery cost and bounds', () => {
  it('a typed prefix and report name list only that path, whatever else the bucket holds', async () => {
    for (const noise of [[], unrelated(8, 200_000)]) {
      const {discovery, requests} = await discover([...noise, ...curKeys('cur', 'abiquo-hourly')], exactly('cur', 'abiquo-hourly'));
      assert.deepEqual(
        discovery.reports.map((r) => `${r.prefix}/${r.reportName}`),
        ['cur/abiquo-hourly'],
      );
      assert.equal(requests, 2, 'the report folder and its parent, in one round');
      assert.equal(discovery.cut, undefined);
    }
  });

  it('with the bucket only, the request count has a bound that unrelated objects do not move', async () => {
    const counts: number[] = [];
    for (const objects of [8, 200_000]) {
      const {discovery, requests} = await discover([...unrelated(8, objects), ...curKeys('cur', 'abiquo-hourly')]);
      assert.deepEqual(
        discovery.reports.map((r) => r.reportName),
        ['abiquo-hourly'],
      );
      counts.push(requests);
    }
    // Eight folders of one object each, then of 25,000: one more page per folder at most (the page bound is 2).
    assert.ok(counts[1]! <= counts[0]! + 8, `${counts.join(' → ')} requests`);
    assert.ok(counts.every((n) => n <= 40));
  });

  it('a search cut by its bound says how far it got, and selection says "search incomplete", never "not found"', async () => {
    const folders = Array.from({length: 1000}, (_, i) => `team-${String(i).padStart(4, '0')}/readme.txt`);
    const {discovery, requests} = await discover([...folders, ...curKeys('zz-archive/team-0999', 'abiquo-hourly')]);
    assert.ok(requests <= 40, `${requests} requests`);
    assert.ok(discovery.cut && discovery.cut.unlistedFolders > 900, JSON.stringify(discovery.cut));
    const selection = selectReport('acme-billing-reports', discovery.reports, {}, false, discovery.cut);
    assert.deepEqual(
      selection.checks.map((c) => c.code),
      ['REPORT_SEARCH_INCOMPLETE'],
    );
    assert.deepEqual(selection.checks[0]!.facts, {
      bucket: 'acme-billing-reports',
      listed: discovery.cut.listedFolders,
      unlisted: discovery.cut.unlistedFolders,
    });
  });

  it('lists folders named like reports first when the bound cannot reach them all', async () => {
    const folders = Array.from({length: 300}, (_, i) => `app-${String(i).padStart(3, '0')}/log.txt`);
    const {discovery} = await discover([...folders, ...curKeys('billing', 'abiquo-hourly')]);
    assert.deepEqual(
      discovery.reports.map((r) => `${r.prefix}/${r.reportName}`),
      ['billing/abiquo-hourly'],
    );
  });

  it('recognises a report AWS wrote with an empty prefix (keys beginning with "/"), and says so when it is picked', async () => {
    const {discovery} = await discover(curKeys('', 'abiquo-hourly'));
    assert.deepEqual(
      discovery.reports.map((r) => [r.folder, r.prefix, r.reportName]),
      [['/abiquo-hourly/', '', 'abiquo-hourly']],
    );
    const selection = selectReport('acme-billing-reports', discovery.reports, {reportName: 'abiquo-hourly'}, false);
    assert.equal(selection.selected?.folder, '/abiquo-hourly/');
    assert.deepEqual(
      selection.checks.map((c) => c.code),
      ['REPORTS_FOUND', 'REPORT_KEYS_LEADING_SLASH'],
    );
  });

  it('keeps both suggestions for a name that differs only in case from two reports', async () => {
    const {discovery} = await discover([...curKeys('cur', 'Abiquo-Hourly'), ...curKeys('cur', 'ABIQUO-HOURLY')]);
    const selection = selectReport('acme-billing-reports', discovery.reports, {reportName: 'abiquo-hourly', prefix: 'cur'}, false);
    assert.deepEqual(
      selection.checks
        .filter((c) => c.code === 'REPORT_NAME_SUGGESTION')
        .map((c) => c.facts.reportName)
        .sort(),
      ['ABIQUO-HOURLY', 'Abiquo-Hourly'],
    );
  });
});
