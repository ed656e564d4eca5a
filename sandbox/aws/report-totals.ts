/**
 * What a generated report adds up to, per usage account and in all, summed exactly (BigInt units of 1e-10) from
 * the costs as written: the figures a test compares the billing preview's with, computed without reading the file.
 */
import {formatUnits} from './cost-units.ts';
import type {LineItem} from './line-items.ts';

/** Decimal strings as the CUR writes costs. Credits, refunds and taxes are the same blended and unblended. */
export interface CostTotals {
  readonly lines: number;
  readonly blended: string;
  readonly unblended: string;
  readonly credits: string;
  readonly refunds: string;
  readonly taxes: string;
}

export interface ReportTotals extends CostTotals {
  readonly accounts: Readonly<Record<string, CostTotals>>;
  /** The latest `lineItem/UsageEndDate` written (fees and taxes end with the billing period). */
  readonly lastUsageEnd: string;
}

interface Sums {
  lines: number;
  blended: bigint;
  unblended: bigint;
  credits: bigint;
  refunds: bigint;
  taxes: bigint;
}

const zero = (): Sums => ({lines: 0, blended: 0n, unblended: 0n, credits: 0n, refunds: 0n, taxes: 0n});
const apart = {Credit: 'credits', Refund: 'refunds', Tax: 'taxes'} as const;

function add(sums: Sums, item: LineItem): void {
  sums.lines++;
  sums.blended += BigInt(item.blended);
  sums.unblended += BigInt(item.unblended);
  const kind = apart[item.type as keyof typeof apart];
  if (kind) sums[kind] += BigInt(item.unblended);
}

const format = (s: Sums): CostTotals => ({
  lines: s.lines,
  blended: formatUnits(s.blended),
  unblended: formatUnits(s.unblended),
  credits: formatUnits(s.credits),
  refunds: formatUnits(s.refunds),
  taxes: formatUnits(s.taxes),
});

/** Counts each line item as it goes by; `totals()` says what those seen so far add up to. */
export function reportTally(): {readonly count: (item: LineItem) => void; readonly totals: () => ReportTotals} {
  const all = zero();
  const accounts = new Map<string, Sums>();
  let lastUsageEnd = '';
  return {
    count: (item) => {
      add(all, item);
      let sums = accounts.get(item.account);
      if (!sums) accounts.set(item.account, (sums = zero()));
      add(sums, item);
      const end = item.fields['lineItem/UsageEndDate']!;
      if (end > lastUsageEnd) lastUsageEnd = end;
    },
    totals: () => ({...format(all), accounts: Object.fromEntries([...accounts].map(([id, sums]) => [id, format(sums)])), lastUsageEnd}),
  };
}
