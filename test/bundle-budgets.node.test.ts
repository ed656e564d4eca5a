/**
 * The size budgets of vite.config.ts (content script ≤ 40 KB gzip, 44 KB in Chrome with its custom-elements
 * polyfill; service worker ≤ 100 KB gzip) hold for the
 * BUILT bundles of every flavour. `npm test` builds them first; run alone after `npm run build` and
 * `npm run build -- --sandbox`.
 */
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {entries, flavours, outDirOf, sizeOf} from '../vite.config.ts';

const root = path.resolve(import.meta.dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('bundle size budgets', () => {
  it('the content script, the tab UI it loads and the service worker have a budget', () => {
    assert.deepEqual(
      entries
        .filter((e) => e.gzipBudget !== undefined)
        .map((e) => e.name)
        .sort(),
      ['background', 'content', 'tab-ui'],
    );
  });

  for (const flavour of flavours) {
    for (const {name, gzipBudget: budgets} of entries) {
      const gzipBudget = budgets?.[flavour.browser];
      if (gzipBudget === undefined) continue;
      const file = path.join(outDirOf(flavour), `${name}.js`);
      it(`${file} is at most ${kb(gzipBudget)} gzipped`, () => {
        assert.ok(existsSync(path.join(root, file)), `${file} is missing: build first (npm run build${flavour.sandbox ? ' -- --sandbox' : ''})`);
        const {gzipped} = sizeOf(path.join(root, file));
        assert.ok(
          gzipped <= gzipBudget,
          `${file} is ${kb(gzipped)} (${gzipped} bytes) gzipped, over its budget of ${kb(gzipBudget)} (${gzipBudget} bytes) in vite.config.ts`,
        );
      });
    }
  }
});
