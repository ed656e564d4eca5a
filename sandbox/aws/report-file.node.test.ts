/**
 * Generated report files read back as a stranger would: decompressed with node:zlib or fflate, the CSV parsed
 * here, each cost summed exactly from its text. Those sums must be the totals the generator announced.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {gunzipSync} from 'node:zlib';
import {unzipSync} from 'fflate';
import {LEGACY_CUR_COLUMNS} from './cur-legacy-columns.ts';
import {LINKED_KEYS, PAYER_ACCOUNT, UNCLAIMED_ACCOUNT} from './demo-keys.ts';
import {sampleLineItems, writeReportFile} from './report-file.ts';
import type {CostTotals} from './report-totals.ts';
import {readCsv} from './test-support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'report-file-'));
const ROWS = 1_000;

/** `-1.2345678901` → -12345678901n: exact, unlike adding floats. */
function units(cost: string): bigint {
  const [whole = '', fraction = ''] = cost.replace('-', '').split('.');
  const value = BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, '0'));
  return cost.startsWith('-') ? -value : value;
}

function decimal(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString().padStart(11, '0');
  return `${value < 0n ? '-' : ''}${digits.slice(0, -10)}.${digits.slice(-10)}`;
}

function sums(rows: readonly Record<string, string>[]): CostTotals {
  const sum = (keep: (row: Record<string, string>) => boolean, column: string) =>
    decimal(rows.filter(keep).reduce((total, row) => total + units(row[column]!), 0n));
  const all = () => true;
  const ofType = (type: string) => (row: Record<string, string>) => row['lineItem/LineItemType'] === type;
  return {
    lines: rows.length,
    blended: sum(all, 'lineItem/BlendedCost'),
    unblended: sum(all, 'lineItem/UnblendedCost'),
    credits: sum(ofType('Credit'), 'lineItem/UnblendedCost'),
    refunds: sum(ofType('Refund'), 'lineItem/UnblendedCost'),
    taxes: sum(ofType('Tax'), 'lineItem/UnblendedCost'),
  };
}

describe('generated report files', () => {
  after(() => rmSync(dir, {recursive: true, force: true}));

  for (const compression of ['GZIP', 'ZIP'] as const) {
    it(`${compression}: the CSV read back adds up to the totals announced, per account and in all`, async () => {
      const file = path.join(dir, `report-${compression}.csv.${compression === 'GZIP' ? 'gz' : 'zip'}`);
      const totals = await writeReportFile(file, {...sampleLineItems(ROWS), compression});
      const bytes = readFileSync(file);
      const entries = compression === 'ZIP' ? unzipSync(bytes) : {csv: gunzipSync(bytes)};
      if (compression === 'ZIP') assert.deepEqual(Object.keys(entries), [`report-ZIP.csv`]);
      const {header, rows} = readCsv(new TextDecoder().decode(Object.values(entries)[0]!));

      assert.deepEqual(header, LEGACY_CUR_COLUMNS);
      assert.ok(rows.every((row) => Object.keys(row).length === LEGACY_CUR_COLUMNS.length));
      const {accounts, lastUsageEnd, ...whole} = totals;
      assert.deepEqual(whole, sums(rows));
      const ids = [PAYER_ACCOUNT, ...LINKED_KEYS.map((k) => k.account), UNCLAIMED_ACCOUNT];
      assert.deepEqual(Object.keys(accounts).sort(), ids.sort());
      for (const id of ids) assert.deepEqual(accounts[id], sums(rows.filter((row) => row['lineItem/UsageAccountId'] === id)), id);
      assert.equal(
        lastUsageEnd,
        rows
          .map((row) => row['lineItem/UsageEndDate']!)
          .sort()
          .at(-1),
      );
    });
  }

  it('each account has usage, reserved usage, fees, credits, refunds and taxes; blended differs from unblended', async () => {
    const file = path.join(dir, 'kinds.csv.gz');
    const totals = await writeReportFile(file, {...sampleLineItems(ROWS, 'kinds'), compression: 'GZIP'});
    const {rows} = readCsv(gunzipSync(readFileSync(file)).toString());
    for (const [id, account] of Object.entries(totals.accounts)) {
      const types = new Set(rows.filter((row) => row['lineItem/UsageAccountId'] === id).map((row) => row['lineItem/LineItemType']));
      assert.deepEqual([...types].sort(), ['Credit', 'DiscountedUsage', 'Fee', 'Refund', 'Tax', 'Usage'], id);
      assert.notEqual(account.blended, account.unblended);
      assert.ok(units(account.credits) < 0n && units(account.refunds) < 0n && units(account.taxes) > 0n, id);
      assert.ok(units(account.unblended) > 0n, `${id} costs more than its credits and refunds`);
    }
    // Quoted cells (the legal entity holds a comma) are read back whole.
    assert.ok(rows.every((row) => row['lineItem/LegalEntity'] === 'Amazon Web Services, Inc.'));
  });

  it('the same seed writes the same costs', async () => {
    const write = (name: string) => writeReportFile(path.join(dir, name), {...sampleLineItems(200, 'same'), compression: 'GZIP'});
    assert.deepEqual(await write('a.csv.gz'), await write('b.csv.gz'));
  });
});
