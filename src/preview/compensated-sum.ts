/**
 * A running sum of money that does not drift over a million line items. Neumaier's compensated summation keeps the
 * low-order bits each addition loses and adds them back at the end: the error stays within a few units in the last
 * place of the total whatever the number of terms, where a plain `+=` loses up to one per term. Exact decimal
 * arithmetic (integers of 1e-10) would need every cost to be a plain decimal of at most ten places and a total under
 * 9e5 to stay exact, which nothing in the data dictionary promises; this takes any number `Number()` reads.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const total = this.sum + value;
    // Whichever operand is larger in magnitude kept its bits; the other's lost low-order bits are recovered.
    this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - total + value : value - total + this.sum;
    this.sum = total;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
