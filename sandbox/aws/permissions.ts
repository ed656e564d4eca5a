/**
 * Identities and identity-based permissions from the scenario. A simplification of IAM that is enough for a
 * billing-only reader: allow-lists of action → resource globs, no denies, no conditions, and bucket policies
 * assumed to allow whatever the user's own policy allows.
 */
import {createHash} from 'node:crypto';
import type {AwsBucket, AwsUser} from './scenario-types.ts';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export function callerIdentity(user: AwsUser): CallerIdentity {
  if (user.root) return {account: user.account, arn: `arn:aws:iam::${user.account}:root`, userId: user.account};
  return {account: user.account, arn: `arn:aws:iam::${user.account}:user/${user.name}`, userId: user.userId ?? derivedUserId(user)};
}

/** A stable `AIDA…` unique ID (21 characters, base-32 alphabet) for users whose scenario gives none. */
function derivedUserId(user: AwsUser): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(`${user.account}/${user.name}`).digest();
  let tail = '';
  for (let i = 0; i < 10; i++) tail += alphabet[digest[i]! % 32];
  return `AIDAEXAMPLE${tail}`;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

export function bucketArn(bucket: string, key?: string): string {
  return key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;
}

/** Root keys may do anything to their own account's buckets; anyone else needs an allow in their permissions. */
export function isAllowed(user: AwsUser | undefined, action: string, resource: string, bucket?: AwsBucket): boolean {
  if (!user) return false;
  if (user.root && (!bucket || user.account === bucket.account)) return true;
  return Object.entries(user.permissions ?? {}).some(
    ([pattern, resources]) => globToRegExp(pattern).test(action) && resources.some((r) => globToRegExp(r).test(resource)),
  );
}
