/** An AWS account already in use on this screen, and where (for "this key belongs to an account used by…"). */
export interface UsedAccount {
  readonly account: string;
  /** Human name of the place: "the pricing credentials" or a linked enterprise's name. */
  readonly where: string;
}
