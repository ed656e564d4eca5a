/** A period's costs out of CUR rows: columns found by name, each line item type in its place, sums that do not drift. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {costColumns, PeriodCosts, type CostColumns} from './aggregate.ts';
import type {CostBasis} from './types.ts';

const HEADER = [
  'identity/LineItemId',
  'bill/PayerAccountId',
  'lineItem/UsageAccountId',
  'lineItem/LineItemType',
  'lineItem/UsageStartDate',
  'lineItem/UsageEndDate',
  'lineItem/ProductCode',
  'lineItem/CurrencyCode',
  'lineItem/UnblendedCost',
  'lineItem/BlendedCost',
  'product/ProductName',
];

const PAYER = '111111111111';
const LINKED = '222222222222';
const OTHER = '333333333333';
const EC2 = 'Amazon Elastic Compute Cloud';
const S3 = 'Amazon Simple Storage Service';
const RDS = 'Amazon Relational Database Service';

// Per the data dictionary: reserved usage costs nothing unblended (its RIFee carries it), fees and taxes span the
// month, credits and refunds are negative, a tax line may have no product name (its product code stands in).
const ROWS = [
  ['l1', PAYER, PAYER, 'Usage', '2025-03-01T00:00:00Z', '2025-03-01T01:00:00Z', 'AmazonEC2', 'USD', '0.0416000000', '0.0400000000', EC2],
  ['l2', PAYER, PAYER, 'DiscountedUsage', '2025-03-01T00:00:00Z', '2025-03-01T01:00:00Z', 'AmazonEC2', 'USD', '0.0000000000', '0.0250000000', EC2],
  ['l3', PAYER, PAYER, 'RIFee', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 'AmazonEC2', 'USD', '30.3680000000', '30.3680000000', EC2],
  ['l4', PAYER, LINKED, 'SavingsPlanCoveredUsage', '2025-03-02T05:00:00Z', '2025-03-02T06:00:00Z', 'AmazonRDS', 'USD', '0.0170000000', '0.0165000000', RDS],
  ['l5', PAYER, LINKED, 'Usage', '2025-03-31T22:00:00Z', '2025-03-31T23:00:00Z', 'AmazonS3', 'USD', '5.7500000000', '5.7500000000', S3],
  ['l6', PAYER, LINKED, 'Credit', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 'AmazonS3', 'USD', '-2.0000000000', '-2.0000000000', S3],
  ['l7', PAYER, LINKED, 'Refund', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 'AmazonEC2', 'USD', '-0.5000000000', '-0.5000000000', EC2],
  ['l8', PAYER, LINKED, 'Tax', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 'AmazonS3', 'USD', '0.3000000000', '0.3000000000', ''],
  [
    'l9',
    PAYER,
    OTHER,
    'Fee',
    '2025-03-01T00:00:00Z',
    '2025-04-01T00:00:00Z',
    'AWSSupportBusiness',
    'USD',
    '100.0000000000',
    '100.0000000000',
    'AWS Support (Business)',
  ],
  ['l10', PAYER, OTHER, 'Usage', '2025-03-03T00:00:00Z', '2025-03-03T01:00:00Z', 'AmazonS3', 'USD', '', '', S3],
];

function columnsOf(header: readonly string[], basis: CostBasis): CostColumns {
  const found = costColumns(header, basis);
  assert.ok(found.ok);
  return found.value;
}

function costsOf(rows: readonly string[][], basis: CostBasis, header = HEADER) {
  const costs = new PeriodCosts();
  const columns = columnsOf(header, basis);
  for (const row of rows) costs.add(row, columns);
  return costs.result();
}

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual}, expected ${expected} (off by ${actual - expected})`);

describe('costColumns', () => {
  it('finds each column by name, whatever the order', () => {
    const columns = columnsOf([...HEADER].reverse(), 'unblended');
    assert.equal(columns.cost, HEADER.length - 1 - HEADER.indexOf('lineItem/UnblendedCost'));
    assert.equal(columns.account, HEADER.length - 1 - HEADER.indexOf('lineItem/UsageAccountId'));
  });

  it('fails PREVIEW_NO_COST_COLUMN, naming it, when the basis’ cost column is missing (the other one is no substitute)', () => {
    const header = HEADER.filter((c) => c !== 'lineItem/BlendedCost');
    assert.deepEqual(costColumns(header, 'blended'), {ok: false, code: 'PREVIEW_NO_COST_COLUMN', facts: {column: 'lineItem/BlendedCost'}});
    assert.ok(costColumns(header, 'unblended').ok);
  });
});

describe('PeriodCosts', () => {
  it('sums unblended costs per account, credits, refunds and taxes apart but in the cost, most costly first', () => {
    const result = costsOf(ROWS, 'unblended');
    assert.deepEqual(
      result.accounts.map((a) => a.accountId),
      [OTHER, PAYER, LINKED],
    );
    const [other, payer, linked] = result.accounts;
    near(payer!.cost, 0.0416 + 0 + 30.368, 'payer');
    near(payer!.usage, 0.0416 + 0 + 30.368, 'payer usage');
    near(linked!.cost, 0.017 + 5.75 - 2 - 0.5 + 0.3, 'linked');
    near(linked!.usage, 0.017 + 5.75, 'linked usage');
    near(linked!.credits, -2, 'linked credits');
    near(linked!.refunds, -0.5, 'linked refunds');
    near(linked!.taxes, 0.3, 'linked taxes');
    near(other!.cost, 100, 'other');
    near(result.total, 133.9766, 'total');
    near(result.usage, 136.1766, 'usage');
    near(result.credits, -2, 'credits');
    near(result.refunds, -0.5, 'refunds');
    near(result.taxes, 0.3, 'taxes');
    assert.equal(result.rows, ROWS.length);
  });

  it('sums blended costs when the basis is blended', () => {
    const result = costsOf(ROWS, 'blended');
    near(result.accounts.find((a) => a.accountId === PAYER)!.cost, 0.04 + 0.025 + 30.368, 'payer');
    near(result.accounts.find((a) => a.accountId === LINKED)!.cost, 0.0165 + 5.75 - 2 - 0.5 + 0.3, 'linked');
    near(result.total, 133.9995, 'total');
  });

  it('gives each account its services, most costly first, by product name or else product code', () => {
    const linked = costsOf(ROWS, 'unblended').accounts.find((a) => a.accountId === LINKED)!;
    assert.deepEqual(
      linked.services.map((s) => s.service),
      [S3, 'AmazonS3', RDS, EC2],
    );
    near(linked.services[0]!.cost, 3.75, S3);
    near(linked.services[3]!.cost, -0.5, EC2);
  });

  it('says the currency, the payer, the last usage hour (of metered lines: fees and taxes span the month), and keeps an account whose lines have no cost', () => {
    const result = costsOf(ROWS, 'unblended');
    assert.equal(result.currency, 'USD');
    assert.equal(result.mixedCurrencies, false);
    assert.equal(result.payerAccount, PAYER);
    assert.equal(result.lastUsageHour, '2025-03-31T23:00:00.000Z');
    const other = result.accounts.find((a) => a.accountId === OTHER)!;
    assert.deepEqual(
      other.services.map((s) => s.service),
      ['AWS Support (Business)'],
    );
  });

  it('keeps the first currency and says when there were others', () => {
    const eur = [...ROWS[0]!];
    eur[HEADER.indexOf('lineItem/CurrencyCode')] = 'EUR';
    const result = costsOf([ROWS[0]!, eur], 'unblended');
    assert.deepEqual([result.currency, result.mixedCurrencies], ['USD', true]);
  });

  it('does not drift over a million line items: within 1e-6 of the exact sum, where a plain sum is not', () => {
    const header = ['lineItem/UsageAccountId', 'lineItem/LineItemType', 'lineItem/UnblendedCost'];
    const columns = columnsOf(header, 'unblended');
    const costs = new PeriodCosts();
    const accounts = [PAYER, LINKED, OTHER];
    const types = ['Usage', 'Usage', 'Usage', 'Credit', 'Tax', 'Refund', 'Fee'];
    const exact = new Map<string, bigint>();
    let exactTotal = 0n;
    let plain = 0;
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 1_000_000; i++) {
      // Costs of ten decimals, from -10 to 1,000 in the currency, kept exactly as integers of 1e-10.
      const units = BigInt(Math.floor(random() * 1.01e13) - 1e11);
      const account = accounts[i % 3]!;
      const type = types[i % types.length]!;
      const text = decimal(units);
      costs.add([account, type, text], columns);
      exact.set(`${account} ${type}`, (exact.get(`${account} ${type}`) ?? 0n) + units);
      exactTotal += units;
      plain += Number(text);
    }
    const result = costs.result();
    const money = (units: bigint) => Number(units) / 1e10;
    near(result.total, money(exactTotal), 'total');
    assert.ok(Math.abs(plain - money(exactTotal)) > 1e-6, `a plain sum drifts (${plain - money(exactTotal)}): this data tells`);
    for (const account of result.accounts) {
      const part = (type: string) => money(exact.get(`${account.accountId} ${type}`) ?? 0n);
      near(account.credits, part('Credit'), `${account.accountId} credits`);
      near(account.taxes, part('Tax'), `${account.accountId} taxes`);
      near(account.usage, part('Usage') + part('Fee'), `${account.accountId} usage`);
      near(
        account.cost,
        types.filter((t, i) => types.indexOf(t) === i).reduce((sum, t) => sum + part(t), 0),
        `${account.accountId} cost`,
      );
    }
  });
});

/** `-12345678901n` → `-1.2345678901`, as a CUR writes costs. */
function decimal(units: bigint): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(11, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -10)}.${digits.slice(-10)}`;
}
