/**
 * The linked enterprises' AWS accounts of one console, kept in the extension's local storage so that the billing
 * preview still knows them when the dialog is opened again, another day. Account IDs only: no key, no secret.
 */
import type {AccountIdMemory} from '../abiquo/types.ts';

const ACCOUNT_ID = /^\d{12}$/;

/** `storage` is the extension's own area (`chrome.storage.local`); one item per console API. */
export function storedAccountIds(storage: chrome.storage.StorageArea, apiBase: string): AccountIdMemory {
  const item = `linkedAwsAccounts ${apiBase}`;
  const read = async (): Promise<Record<string, string>> => {
    const stored = ((await storage.get(item)) as Record<string, unknown>)[item];
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, string>) : {};
  };
  return {
    async load() {
      // What does not look like an enterprise ID and an account ID is not ours to trust.
      const entries = Object.entries(await read()).flatMap(([id, account]): [number, string][] =>
        /^\d+$/.test(id) && typeof account === 'string' && ACCOUNT_ID.test(account) ? [[Number(id), account]] : [],
      );
      return new Map(entries);
    },
    async remember(enterpriseId, awsAccountId) {
      await storage.set({[item]: {...(await read()), [enterpriseId]: awsAccountId}});
    },
  };
}
