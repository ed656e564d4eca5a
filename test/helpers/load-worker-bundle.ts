import {copyFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {createFakeChrome} from './fake-chrome.ts';

export const sandboxWorkerBundle = path.resolve(import.meta.dirname, '../../dist/sandbox-chrome/background.js');

/**
 * Evaluates the built worker bundle in this Node process, which has no DOM, with a fake `chrome`. Each call
 * imports a fresh copy, so module state never leaks between tests.
 */
export async function loadWorkerBundle(options: Parameters<typeof createFakeChrome>[0] & {bundle?: string} = {}) {
  const fake = createFakeChrome(options);
  (globalThis as {chrome?: unknown}).chrome = fake.chrome;
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'boa-worker-')), 'background.mjs');
  copyFileSync(options.bundle ?? sandboxWorkerBundle, copy);
  await import(pathToFileURL(copy).href);
  return fake;
}
