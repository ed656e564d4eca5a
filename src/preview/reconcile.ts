/**
 * Matches a period's costs with the keynode's linked enterprises: whose usage each account's cost is, and which
 * linked enterprises had none. Pure.
 */
import type {BillingPreview, LinkedEnterprise, ReconciledLine} from './types.ts';

const byName = (a: LinkedEnterprise, b: LinkedEnterprise) => a.name.localeCompare(b.name) || a.enterpriseId - b.enterpriseId;

/**
 * One line per account that has line items, most costly first: the payer's own ('keynode', billed to the keynode
 * itself), a linked enterprise's ('billed'; the first listed when several claim one account), or nobody's
 * ('unbilled'). Then, by name, each linked enterprise whose account has no line item, or is not known ('idle'); one
 * whose account's cost went to another line (the payer's, an earlier enterprise's) gets none. `payerAccount` is the
 * manifest's; absent, the line items' `bill/PayerAccountId` stands in.
 */
export function reconcile(preview: BillingPreview, payerAccount: string | undefined, linked: readonly LinkedEnterprise[]): ReconciledLine[] {
  const payer = payerAccount ?? preview.payerAccount;
  const claimed = new Map<string, LinkedEnterprise>();
  for (const enterprise of linked) {
    if (enterprise.awsAccountId && !claimed.has(enterprise.awsAccountId)) claimed.set(enterprise.awsAccountId, enterprise);
  }
  const accounts = [...preview.accounts].sort((a, b) => b.cost - a.cost || a.accountId.localeCompare(b.accountId));
  const lines = accounts.map((account): ReconciledLine => {
    if (account.accountId === payer) return {kind: 'keynode', account};
    const enterprise = claimed.get(account.accountId);
    return enterprise ? {kind: 'billed', account, enterprise} : {kind: 'unbilled', account};
  });
  const active = new Set(accounts.map((account) => account.accountId));
  const idle = linked.filter((enterprise) => !enterprise.awsAccountId || !active.has(enterprise.awsAccountId)).sort(byName);
  return [...lines, ...idle.map((enterprise): ReconciledLine => ({kind: 'idle', enterprise}))];
}
