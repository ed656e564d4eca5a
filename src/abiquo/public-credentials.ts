/** An enterprise's AMAZON public-cloud credentials (the `abiquo-billing-user-public` keys of a linked account). */
import {ok} from '../shared/result.ts';
import type {AwsKeys} from '../aws/types.ts';
import type {AbiquoResult} from './codes.ts';
import {PRIVILEGES} from './assumptions.ts';
import {amazonCredentialsBody, findAmazonEntry} from './amazon-credentials.ts';
import type {EnterpriseDto} from './enterprise.ts';
import type {AbiquoHttp} from './http.ts';
import {requireLink} from './links.ts';

const op = {needs: PRIVILEGES.providerCredentials};

export async function hasAmazonPublicCredentials(http: AbiquoHttp, enterprise: EnterpriseDto, signal: AbortSignal): Promise<AbiquoResult<boolean>> {
  const list = requireLink(enterprise, 'credentials');
  if (!list.ok) return list;
  const entry = await findAmazonEntry(http, list.value.href, 'publiccloudcredentialslist', op, signal);
  return entry.ok ? ok(entry.value !== undefined) : entry;
}

/** POSTs the AMAZON credentials; "Only for billing" is deliberately left unset (see assumptions.ts). */
export async function createAmazonPublicCredentials(
  http: AbiquoHttp,
  enterprise: EnterpriseDto,
  keys: AwsKeys,
  signal: AbortSignal,
): Promise<AbiquoResult<void>> {
  const list = requireLink(enterprise, 'credentials');
  if (!list.ok) return list;
  const answer = await http.send('POST', list.value.href, 'publiccloudcredentials', amazonCredentialsBody(http.apiBase, keys), op, signal);
  return answer.ok ? ok(undefined) : answer;
}
