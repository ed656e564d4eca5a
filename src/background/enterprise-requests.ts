/**
 * Which enterprise the console is editing, learnt from the console's own API traffic in each tab (the edit
 * dialog has no route of its own). Kept in `storage.session` so a restarted worker still knows.
 */
/**
 * The requests the worker wakes for: the console page's XHRs on an enterprise (any host the operator enabled;
 * `classifyRequest` then keeps only the enabled console's own). Not every request to a granted host: the checks'
 * own calls to AWS would wake it for nothing.
 */
export const ENTERPRISE_REQUESTS = {urls: ['*://*/*admin/enterprises/*'], types: ['xmlhttprequest']} satisfies chrome.webRequest.RequestFilter;

const ENTERPRISE = /\/admin\/enterprises\/(\d+)(\/properties)?\/?(?:\?.*)?$/;

export type EnterpriseRequest =
  {readonly kind: 'enterprise-read'; readonly enterpriseId: number} | {readonly kind: 'properties-written'; readonly enterpriseId: number};

/**
 * Only the console's own API traffic counts: a request to an enabled console, made by that console's page (a
 * request to any other host the extension can see — AWS included — says nothing about the dialog).
 */
export function classifyRequest(
  details: Pick<chrome.webRequest.OnCompletedDetails, 'url' | 'method' | 'statusCode' | 'tabId' | 'initiator'> & {documentUrl?: string},
  enabledOrigins: readonly string[],
): EnterpriseRequest | undefined {
  if (details.tabId < 0 || details.statusCode < 200 || details.statusCode >= 300) return undefined;
  const url = new URL(details.url);
  if (!enabledOrigins.includes(url.origin)) return undefined;
  // Chrome names the page's origin as `initiator`, Firefox gives the page's URL.
  const from = details.initiator ?? (details.documentUrl ? new URL(details.documentUrl).origin : undefined);
  if (from !== undefined && from !== url.origin) return undefined;
  const match = ENTERPRISE.exec(url.pathname + url.search);
  if (!match) return undefined;
  const enterpriseId = Number(match[1]);
  if (details.method === 'GET' && !match[2]) return {kind: 'enterprise-read', enterpriseId};
  if (details.method === 'PUT' && match[2]) return {kind: 'properties-written', enterpriseId};
  return undefined;
}

const key = (tabId: number) => `tabEnterprise:${tabId}`;

export async function rememberEnterprise(session: Pick<chrome.storage.StorageArea, 'set'>, tabId: number, enterpriseId: number): Promise<void> {
  await session.set({[key(tabId)]: enterpriseId});
}

export async function currentEnterprise(session: Pick<chrome.storage.StorageArea, 'get'>, tabId: number | undefined): Promise<number | undefined> {
  if (tabId === undefined) return undefined;
  const value = (await session.get(key(tabId)))[key(tabId)];
  return typeof value === 'number' ? value : undefined;
}

export async function forgetTab(session: Pick<chrome.storage.StorageArea, 'remove'>, tabId: number): Promise<void> {
  await session.remove(key(tabId));
}
