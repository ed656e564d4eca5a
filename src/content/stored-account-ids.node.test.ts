import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {storedAccountIds} from './stored-account-ids.ts';

/** chrome.storage.local as far as the memory uses it: items that survive the tab. */
function fakeArea(items: Record<string, unknown> = {}): chrome.storage.StorageArea {
  return {
    get: async (key: string) => (key in items ? {[key]: structuredClone(items[key])} : {}),
    set: async (set: Record<string, unknown>) => void Object.assign(items, structuredClone(set)),
  } as unknown as chrome.storage.StorageArea;
}

const API = 'https://console.example.com/api';

describe('storedAccountIds', () => {
  it('gives the accounts remembered by an earlier opening of the dialog, for that console only', async () => {
    const area = fakeArea();
    await storedAccountIds(area, API).remember(51, '210987654321');
    await storedAccountIds(area, API).remember(50, '345678901234');
    assert.deepEqual(
      [...(await storedAccountIds(area, API).load())],
      [
        [50, '345678901234'],
        [51, '210987654321'],
      ],
    );
    assert.equal((await storedAccountIds(area, 'https://other.example.com/api').load()).size, 0);
  });

  it('ignores, and writes back no more, what does not look like an enterprise ID and a 12-digit account ID', async () => {
    const items: Record<string, unknown> = {[`linkedAwsAccounts ${API}`]: {51: '210987654321', x: '345678901234', 52: 'AKIAIOSFODNN7EXAMPLE', 53: 7}};
    const memory = storedAccountIds(fakeArea(items), API);
    assert.deepEqual([...(await memory.load())], [[51, '210987654321']]);
    await memory.remember(54, 'AKIAIOSFODNN7EXAMPLE');
    await memory.remember(50, '345678901234');
    assert.deepEqual(items[`linkedAwsAccounts ${API}`], {50: '345678901234', 51: '210987654321'});
  });

  it('reads nothing and remembers nothing when the storage fails, without failing the caller', async () => {
    const broken = {
      get: async () => Promise.reject(new Error('Extension context invalidated.')),
      set: async () => Promise.reject(new Error('Extension context invalidated.')),
    } as unknown as chrome.storage.StorageArea;
    const memory = storedAccountIds(broken, API);
    assert.equal((await memory.load()).size, 0);
    await memory.remember(51, '210987654321');
  });
});
