import type {Identity} from '../../aws/types.ts';
import type {Translate} from '../../shared/i18n.ts';

/** `123456789012` → `1234-5678-9012`, the way the AWS console shows account IDs. */
export function formatAccount(account: string): string {
  return /^\d{12}$/.test(account) ? `${account.slice(0, 4)}-${account.slice(4, 8)}-${account.slice(8)}` : account;
}

/** "user/abiquo-billing-user in account 1234-5678-9012": the ARN's resource part and the dashed account. */
export function describeIdentity(t: Translate, identity: Identity): string {
  const resource = identity.arn.slice(identity.arn.lastIndexOf(':') + 1) || identity.userName;
  return t('tab_identity', {resource, account: formatAccount(identity.account)});
}
