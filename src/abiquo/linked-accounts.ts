/**
 * Linked AWS accounts: the standard enterprises whose default scope is the keynode's, each with whether it has
 * AMAZON public credentials; and adding one, in two steps that can fail apart.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult, LinkedAccount, NewLinkedAccount} from '../components/services.ts';
import {PRIVILEGES} from './assumptions.ts';
import {listAll} from './collection.ts';
import {createStandardEnterprise, summarise} from './enterprise.ts';
import type {EnterpriseDto} from './enterprise.ts';
import type {AbiquoHttp} from './http.ts';
import {apiUrl, idFromHref} from './links.ts';
import {createAmazonPublicCredentials, hasAmazonPublicCredentials} from './public-credentials.ts';
import {defaultScopeLink} from './scopes.ts';
import type {Scope} from './scopes.ts';

export interface Keynode {
  readonly id: number;
  readonly scope: Scope;
}

/**
 * `?idScope=` lists the enterprises activated in the scope; of those keep the standard ones (not the keynode,
 * no reseller or key node) whose default scope, when their DTO names it, is the keynode's.
 */
export async function scopeEnterprises(http: AbiquoHttp, keynode: Keynode, signal: AbortSignal): Promise<AbiquoResult<EnterpriseDto[]>> {
  const href = apiUrl(http.apiBase, `admin/enterprises?idScope=${keynode.scope.id}`);
  const all = await listAll(http, href, 'enterprises', {privilege: PRIVILEGES.readEnterprise}, signal);
  if (!all.ok) return all;
  const standard = all.value.filter((item): item is EnterpriseDto => {
    const e = item as EnterpriseDto | null;
    if (typeof e?.id !== 'number' || typeof e.name !== 'string' || e.id === keynode.id || e.keyNode === true || e.reseller === true) return false;
    const scope = defaultScopeLink(e);
    return scope === undefined || idFromHref(scope.href) === keynode.scope.id;
  });
  return ok(standard);
}

async function toAccount(http: AbiquoHttp, e: EnterpriseDto, accountIds: ReadonlyMap<number, string>, signal: AbortSignal): Promise<AbiquoResult<LinkedAccount>> {
  const has = await hasAmazonPublicCredentials(http, e, signal);
  if (!has.ok) return has;
  const {id, name} = summarise(e);
  const awsAccountId = accountIds.get(id);
  return ok({enterpriseId: id, name, hasAmazonCredentials: has.value, ...(awsAccountId ? {awsAccountId} : {})});
}

export async function listLinkedAccounts(
  http: AbiquoHttp,
  keynode: Keynode,
  accountIds: ReadonlyMap<number, string>,
  signal: AbortSignal,
): Promise<AbiquoResult<LinkedAccount[]>> {
  const enterprises = await scopeEnterprises(http, keynode, signal);
  if (!enterprises.ok) return enterprises;
  const accounts = await Promise.all(enterprises.value.map((e) => toAccount(http, e, accountIds, signal)));
  const failed = accounts.find((a) => !a.ok);
  if (failed) return failed;
  return ok(accounts.flatMap((a) => (a.ok ? [a.value] : [])).sort((a, b) => a.name.localeCompare(b.name)));
}

/**
 * Step 1 creates the standard enterprise (default scope = the keynode's), step 2 its AMAZON public credentials.
 * When step 2 fails the answer is ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED with the created enterprise and the cause
 * (`cause` = the AbiquoCode, plus its facts); calling again with the same name finds that enterprise in the scope
 * and runs step 2 only. An enterprise of that name that already has credentials is ABIQUO_ACCOUNT_EXISTS.
 */
export async function addLinkedAccount(http: AbiquoHttp, keynode: Keynode, account: NewLinkedAccount, signal: AbortSignal): Promise<AbiquoResult<LinkedAccount>> {
  const name = account.name.trim();
  const existing = await scopeEnterprises(http, keynode, signal);
  if (!existing.ok) return existing;
  let enterprise = existing.value.find((e) => e.name === name);
  if (enterprise) {
    const has = await hasAmazonPublicCredentials(http, enterprise, signal);
    if (!has.ok) return has;
    if (has.value) return err('ABIQUO_ACCOUNT_EXISTS', {name, enterpriseId: summarise(enterprise).id});
  } else {
    const created = await createStandardEnterprise(http, name, keynode.scope.link, signal);
    if (!created.ok) return created;
    enterprise = created.value;
  }
  const {id} = summarise(enterprise);
  const credentials = await createAmazonPublicCredentials(http, enterprise, account.keys, signal);
  if (!credentials.ok) {
    return err('ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED', {...credentials.facts, name, enterpriseId: id, cause: credentials.code});
  }
  return ok({enterpriseId: id, name, hasAmazonCredentials: true, awsAccountId: account.awsAccountId});
}
