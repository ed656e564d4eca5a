/**
 * Costs as integers of 1e-10 of the currency, the ten decimals a CUR writes: a generated report writes each
 * cost from its integer, so totals summed as BigInt are exact and tests can compare the preview's sums to them.
 */

const DECIMALS = 10;

/** An amount rounded to the CUR's ten decimals, as an integer number of units (exact up to 9e5 in the currency). */
export const toUnits = (amount: number): number => Math.round(amount * 10 ** DECIMALS);

/** `-12345678901` → `-1.2345678901`, as the CUR writes costs. */
export function formatUnits(units: number | bigint): string {
  const text = String(units);
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).padStart(DECIMALS + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -DECIMALS)}.${digits.slice(-DECIMALS)}`;
}
