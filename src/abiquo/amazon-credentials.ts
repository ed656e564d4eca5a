/**
 * What public and pricing credentials share: a collection per enterprise, one entry per provider naming it by a
 * `hypervisortype` link, and the `{access, key, links}` body. The secret travels only in that body; nothing read
 * back from the API ever holds it (`access` comes back obfuscated, `key` not at all).
 */
import {ok} from '../shared/result.ts';
import type {AwsKeys} from '../aws/types.ts';
import type {AbiquoResult} from './codes.ts';
import {AMAZON, HYPERVISOR_TYPE_REL, hypervisorTypePath} from './assumptions.ts';
import {collectionOf} from './collection.ts';
import type {AbiquoHttp, Operation} from './http.ts';
import {apiUrl, findLink} from './links.ts';
import type {MediaTypeName} from './media-types.ts';

export interface CredentialsBody {
  readonly access: string;
  readonly key: string;
  readonly links: readonly {readonly rel: string; readonly href: string}[];
}

export function amazonCredentialsBody(apiBase: string, keys: AwsKeys): CredentialsBody {
  return {
    access: keys.accessKeyId.trim(),
    key: keys.secretAccessKey.trim(),
    links: [{rel: HYPERVISOR_TYPE_REL, href: apiUrl(apiBase, hypervisorTypePath(AMAZON))}],
  };
}

export function isAmazon(entry: unknown): boolean {
  const href = findLink(entry, HYPERVISOR_TYPE_REL)?.href;
  return href !== undefined && new URL(href, 'http://x').pathname.replace(/\/+$/, '').endsWith(`/${AMAZON}`);
}

/** The enterprise's AMAZON entry in a credentials collection, or undefined when it has none. */
export async function findAmazonEntry(
  http: AbiquoHttp,
  listHref: string,
  listType: MediaTypeName,
  op: Operation,
  signal: AbortSignal,
): Promise<AbiquoResult<unknown>> {
  const list = await http.get(listHref, listType, op, signal);
  if (!list.ok) return list;
  const entries = collectionOf(list.value);
  return entries.ok ? ok(entries.value.find(isAmazon)) : entries;
}
