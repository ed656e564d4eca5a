/**
 * Linked AWS accounts: the standard enterprises whose default scope is the keynode's, each with whether it has
 * AMAZON public credentials; and adding one, in two steps that can fail apart.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import type {AddedAccount, LinkedAccount, NewLinkedAccount} from './types.ts';
import {PRIVILEGES} from './assumptions.ts';
import {listAll} from './collection.ts';
import {createStandardEnterprise, deleteEnterprise, summarise} from './enterprise.ts';
import type {EnterpriseDto} from './enterprise.ts';
import type {AbiquoHttp} from './http.ts';
import {apiUrl, idFromHref} from './links.ts';
import {requirePrivileges} from './preflight.ts';
import {createAmazonPublicCredentials, hasAmazonPublicCredentials} from './public-credentials.ts';
import {defaultScopeLink} from './scopes.ts';
import type {Scope} from './scopes.ts';

/** The undo runs even when the add was cancelled, under a deadline of its own. */
const UNDO_TIMEOUT_MS = 15_000;

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
  const all = await listAll(http, href, 'enterprises', {needs: PRIVILEGES.readEnterprise}, signal);
  if (!all.ok) return all;
  const standard = all.value.filter((item): item is EnterpriseDto => {
    const e = item as EnterpriseDto | null;
    if (typeof e?.id !== 'number' || typeof e.name !== 'string' || e.id === keynode.id || e.keyNode === true || e.reseller === true) return false;
    const scope = defaultScopeLink(e);
    return scope === undefined || idFromHref(scope.href) === keynode.scope.id;
  });
  return ok(standard);
}

async function toAccount(
  http: AbiquoHttp,
  e: EnterpriseDto,
  accountIds: ReadonlyMap<number, string>,
  signal: AbortSignal,
): Promise<AbiquoResult<LinkedAccount>> {
  const has = await hasAmazonPublicCredentials(http, e, signal);
  if (!has.ok) return has;
  const {id, name} = summarise(e);
  // Remembered from keys entered once; an enterprise whose credentials have gone since is billed for no account.
  const awsAccountId = has.value ? accountIds.get(id) : undefined;
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
 * All or nothing, as far as the API allows. After a preflight of the privileges both steps need, step 1 creates
 * the standard enterprise (default scope = the keynode's) or reuses one of that name in the scope that has no
 * credentials; step 2 creates its AMAZON public credentials. When step 2 fails, an enterprise step 1 created is
 * deleted again (ABIQUO_ACCOUNT_NOT_ADDED), or kept when the operator asked to, or when the deletion fails
 * (ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED: adding again with the same name then runs step 2 only).
 * A step whose answer is lost (timeout, dropped connection, a proxy's 5xx) may have been done all the same, so the
 * API is asked what happened: an enterprise that appeared goes on to step 2; credentials that are there count as
 * saved; an enterprise that is gone counts as removed.
 */
export async function addLinkedAccount(
  http: AbiquoHttp,
  keynode: Keynode,
  account: NewLinkedAccount,
  signal: AbortSignal,
): Promise<AbiquoResult<AddedAccount>> {
  const name = account.name.trim();
  const existing = await findNamed(http, keynode, name, signal);
  if (!existing.ok) return existing;
  const found = existing.value;
  if (found) {
    const has = await hasAmazonPublicCredentials(http, found, signal);
    if (!has.ok) return has;
    if (has.value) return err('ABIQUO_ACCOUNT_EXISTS', {name, enterpriseId: summarise(found).id});
  }
  const allowed = await requirePrivileges(
    http,
    [...PRIVILEGES.providerCredentials, ...(found ? [] : [...PRIVILEGES.createEnterprise, ...PRIVILEGES.deleteEnterprise])],
    signal,
  );
  if (!allowed.ok) return allowed;
  let enterprise = found;
  if (!enterprise) {
    const created = await createStandardEnterprise(http, name, keynode.scope.link, signal);
    // A POST cannot be stale: its 409 is the name, held by an enterprise this keynode's scope does not list.
    if (!created.ok && created.facts?.status === 409) return err('ABIQUO_NAME_TAKEN', {...created.facts, name});
    if (created.ok) enterprise = created.value;
    else {
      // The answer lost, the enterprise may exist all the same (it was not in the scope before).
      const appeared = signal.aborted ? undefined : await findNamed(http, keynode, name, signal);
      if (!appeared?.ok || !appeared.value) return created;
      enterprise = appeared.value;
    }
  }
  const {id} = summarise(enterprise);
  const added = ok({account: {enterpriseId: id, name, hasAmazonCredentials: true, awsAccountId: account.awsAccountId}, reused: found !== undefined});
  const credentials = await createAmazonPublicCredentials(http, enterprise, account.keys, signal);
  if (credentials.ok) return added;
  const undoSignal = AbortSignal.timeout(UNDO_TIMEOUT_MS);
  const saved = await hasAmazonPublicCredentials(http, enterprise, undoSignal);
  if (saved.ok && saved.value) return added;
  const facts = {...credentials.facts, name, enterpriseId: id, cause: credentials.code};
  if (found || account.keepOnFailure) return err('ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED', facts);
  const removed = await deleteEnterprise(http, enterprise, undoSignal);
  const left = removed.ok ? undefined : await findNamed(http, keynode, name, undoSignal);
  if (removed.ok || (left?.ok && !left.value)) return err('ABIQUO_ACCOUNT_NOT_ADDED', facts);
  return err('ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED', {...facts, undoFailed: removed.code});
}

/** The scope's enterprise of that name, if any. */
async function findNamed(http: AbiquoHttp, keynode: Keynode, name: string, signal: AbortSignal): Promise<AbiquoResult<EnterpriseDto | undefined>> {
  const listed = await scopeEnterprises(http, keynode, signal);
  return listed.ok ? ok(listed.value.find((e) => e.name === name)) : listed;
}
