/**
 * The keynode's AMAZON pricing credentials (the `abiquo-billing-user` keys): found through the enterprise's
 * links, created or replaced. Where they live is [?]: see assumptions.ts.
 */
import {ok} from '../shared/result.ts';
import type {AwsKeys} from '../aws/types.ts';
import type {AbiquoResult} from './codes.ts';
import {PRICING_CREDENTIALS_PATH, PRICING_CREDENTIALS_REL, PRIVILEGES} from './assumptions.ts';
import {amazonCredentialsBody, findAmazonEntry} from './amazon-credentials.ts';
import type {EnterpriseDto} from './enterprise.ts';
import type {AbiquoHttp} from './http.ts';
import {apiUrl, findLink, linksOf, requireLink} from './links.ts';
import {isMediaType} from './media-types.ts';

const op = {needs: PRIVILEGES.pricingCredentials};

/** The collection's href: by rel, else by a link of the pricing-credentials type, else next to the enterprise. */
export function pricingCredentialsHref(enterprise: EnterpriseDto): string | undefined {
  const link =
    findLink(enterprise, PRICING_CREDENTIALS_REL) ??
    linksOf(enterprise).find((l) => isMediaType(l.type, 'pricingcredentialslist') || isMediaType(l.type, 'pricingcredentials'));
  if (link) return link.href;
  const self = findLink(enterprise, 'edit')?.href;
  return self ? apiUrl(self, PRICING_CREDENTIALS_PATH) : undefined;
}

export async function findAmazonPricing(http: AbiquoHttp, listHref: string, signal: AbortSignal): Promise<AbiquoResult<unknown>> {
  return findAmazonEntry(http, listHref, 'pricingcredentialslist', op, signal);
}

/**
 * Upsert: PUT to the existing AMAZON entry's `edit` link, else POST to the collection. If someone created them
 * between our read and our POST (PUBLIC-3), the fresh entry is replaced once, which is what the operator asked.
 */
export async function saveAmazonPricing(http: AbiquoHttp, listHref: string, keys: AwsKeys, signal: AbortSignal): Promise<AbiquoResult<void>> {
  const body = amazonCredentialsBody(http.apiBase, keys);
  const put = async (entry: unknown): Promise<AbiquoResult<void>> => {
    const edit = requireLink(entry, 'edit');
    if (!edit.ok) return edit;
    const answer = await http.send('PUT', edit.value.href, 'pricingcredentials', body, op, signal);
    return answer.ok ? ok(undefined) : answer;
  };
  const existing = await findAmazonPricing(http, listHref, signal);
  if (!existing.ok) return existing;
  if (existing.value !== undefined) return put(existing.value);
  const created = await http.send('POST', listHref, 'pricingcredentials', body, op, signal);
  if (created.ok) return ok(undefined);
  if (created.code !== 'ABIQUO_PROVIDER_HAS_CREDENTIALS') return created;
  const raced = await findAmazonPricing(http, listHref, signal);
  if (!raced.ok) return raced;
  return raced.value === undefined ? created : put(raced.value);
}
