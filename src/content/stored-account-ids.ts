/**
 * The linked enterprises' AWS accounts of one console, kept in the extension's local storage so that the billing
 * preview still knows them when the dialog is opened again, another day. Account IDs only: no key, no secret. A
 * storage that fails (the extension was reloaded under the page) costs the memory, never the operation.
 */
import type {AccountIdMemory} from '../abiquo/types.ts';
import {logger} from '../shared/log.ts';

const ACCOUNT_ID = /^\d{12}$/;
const log = logger('account-ids');

/** `storage` is the extension's own area (`chrome.storage.local`); one item per console API. */
export function storedAccountIds(storage: chrome.storage.StorageArea, apiBase: string): AccountIdMemory {
  const item = `linkedAwsAccounts ${apiBase}`;
  // What does not look like an enterprise ID and an account ID is not ours to trust.
  const load = async (): Promise<Map<number, string>> => {
    const stored = ((await storage.get(item)) as Record<string, unknown>)[item];
    const entries = typeof stored === 'object' && stored !== null ? Object.entries(stored) : [];
    return new Map(
      entries.flatMap(([id, account]): [number, string][] =>
        /^\d+$/.test(id) && typeof account === 'string' && ACCOUNT_ID.test(account) ? [[Number(id), account]] : [],
      ),
    );
  };
  return {
    load: () =>
      load().catch((error: unknown) => {
        log.warn('linked accounts not read from storage', error);
        return new Map();
      }),
    async remember(enterpriseId, awsAccountId) {
      if (!Number.isInteger(enterpriseId) || !ACCOUNT_ID.test(awsAccountId)) return;
      try {
        const ids = await load();
        await storage.set({[item]: Object.fromEntries(ids.set(enterpriseId, awsAccountId))});
      } catch (error) {
        log.warn('linked account not remembered', error);
      }
    },
  };
}
