/**
 * A period's costs out of CUR rows: per usage account (credits, refunds and taxes apart) and per service, in the
 * chosen basis. Pure: a header gives the columns, rows add up, `result()` says what they came to.
 */
import {err, ok, type Result} from '../shared/result.ts';
import {CompensatedSum} from './compensated-sum.ts';
import type {AccountCost, BillingPreview, CostBasis, ServiceCost} from './types.ts';

const COST_COLUMN: Readonly<Record<CostBasis, string>> = {blended: 'lineItem/BlendedCost', unblended: 'lineItem/UnblendedCost'};

/** Where one file's columns are, by its header (files of a period may order them differently); -1: absent. */
export interface CostColumns {
  readonly cost: number;
  readonly account: number;
  readonly payer: number;
  readonly type: number;
  readonly productName: number;
  readonly productCode: number;
  readonly currency: number;
  readonly usageEnd: number;
}

/** Every column but the basis' cost may be missing: its values are then empty. */
export function costColumns(header: readonly string[], basis: CostBasis): Result<CostColumns, 'PREVIEW_NO_COST_COLUMN'> {
  const cost = header.indexOf(COST_COLUMN[basis]);
  if (cost < 0) return err('PREVIEW_NO_COST_COLUMN', {column: COST_COLUMN[basis]});
  return ok({
    cost,
    account: header.indexOf('lineItem/UsageAccountId'),
    payer: header.indexOf('bill/PayerAccountId'),
    type: header.indexOf('lineItem/LineItemType'),
    productName: header.indexOf('product/ProductName'),
    productCode: header.indexOf('lineItem/ProductCode'),
    currency: header.indexOf('lineItem/CurrencyCode'),
    usageEnd: header.indexOf('lineItem/UsageEndDate'),
  });
}

/** What the rows come to; `readReport` adds the period, the basis and what the reading took. */
export type PeriodTotals = Omit<BillingPreview, 'period' | 'basis' | 'bytes' | 'elapsedMs'>;

type Part = 'usage' | 'credits' | 'refunds' | 'taxes';

/** `lineItem/LineItemType` values shown apart; every other type (Usage, DiscountedUsage, Fee, RIFee…) is usage. */
const PART_OF_TYPE: ReadonlyMap<string, Part> = new Map([
  ['Credit', 'credits'],
  ['Refund', 'refunds'],
  ['Tax', 'taxes'],
]);

/** Line item types of metered usage, hour by hour (the data dictionary's `lineItem/LineItemType`). */
const METERED: ReadonlySet<string> = new Set(['Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage']);

class AccountSums {
  readonly cost = new CompensatedSum();
  readonly parts: Record<Part, CompensatedSum> = {
    usage: new CompensatedSum(),
    credits: new CompensatedSum(),
    refunds: new CompensatedSum(),
    taxes: new CompensatedSum(),
  };
  readonly services = new Map<string, CompensatedSum>();
}

const field = (row: readonly string[], index: number): string => (index < 0 ? '' : (row[index] ?? ''));

const mostCostlyFirst =
  <T>(cost: (item: T) => number, name: (item: T) => string) =>
  (a: T, b: T) =>
    cost(b) - cost(a) || name(a).localeCompare(name(b));

export class PeriodCosts {
  private readonly accounts = new Map<string, AccountSums>();
  private count = 0;
  private currency = '';
  private mixedCurrencies = false;
  private payerAccount = '';
  // ISO instants of one format compare as text; the latest is parsed once, at the end.
  private lastUsageEnd = '';

  get rows(): number {
    return this.count;
  }

  add(row: readonly string[], columns: CostColumns): void {
    this.count++;
    const accountId = field(row, columns.account);
    let sums = this.accounts.get(accountId);
    if (!sums) this.accounts.set(accountId, (sums = new AccountSums()));
    const currency = field(row, columns.currency);
    if (!this.currency) this.currency = currency;
    else if (currency && currency !== this.currency) this.mixedCurrencies = true;
    if (!this.payerAccount) this.payerAccount = field(row, columns.payer);
    // Only metered lines tell how far usage has been delivered: fees, credits, refunds and taxes span the whole period.
    const usageEnd = field(row, columns.usageEnd);
    if (usageEnd > this.lastUsageEnd && METERED.has(field(row, columns.type))) this.lastUsageEnd = usageEnd;
    const text = field(row, columns.cost);
    const cost = text === '' ? Number.NaN : Number(text);
    // An empty or unreadable cost adds nothing; the line still says its account was active.
    if (Number.isNaN(cost)) return;
    sums.cost.add(cost);
    sums.parts[PART_OF_TYPE.get(field(row, columns.type)) ?? 'usage'].add(cost);
    const service = field(row, columns.productName) || field(row, columns.productCode);
    let serviceSum = sums.services.get(service);
    if (!serviceSum) sums.services.set(service, (serviceSum = new CompensatedSum()));
    serviceSum.add(cost);
  }

  result(): PeriodTotals {
    const accounts = [...this.accounts].map(([accountId, sums]): AccountCost => {
      const services = [...sums.services].map(([service, sum]): ServiceCost => ({service, cost: sum.value}));
      return {
        accountId,
        cost: sums.cost.value,
        usage: sums.parts.usage.value,
        credits: sums.parts.credits.value,
        refunds: sums.parts.refunds.value,
        taxes: sums.parts.taxes.value,
        services: services.sort(
          mostCostlyFirst(
            (s) => s.cost,
            (s) => s.service,
          ),
        ),
      };
    });
    const total = (pick: (account: AccountCost) => number) => {
      const sum = new CompensatedSum();
      for (const account of accounts) sum.add(pick(account));
      return sum.value;
    };
    const lastUsage = this.lastUsageEnd ? new Date(this.lastUsageEnd) : undefined;
    return {
      currency: this.currency,
      mixedCurrencies: this.mixedCurrencies,
      total: total((a) => a.cost),
      usage: total((a) => a.usage),
      credits: total((a) => a.credits),
      refunds: total((a) => a.refunds),
      taxes: total((a) => a.taxes),
      accounts: accounts.sort(
        mostCostlyFirst(
          (a) => a.cost,
          (a) => a.accountId,
        ),
      ),
      ...(lastUsage && !Number.isNaN(lastUsage.getTime()) ? {lastUsageHour: lastUsage.toISOString()} : {}),
      ...(this.payerAccount ? {payerAccount: this.payerAccount} : {}),
      rows: this.count,
    };
  }
}
