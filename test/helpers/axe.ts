/** axe-core run on the Billing-only AWS tab in the console page (its shadow trees included, not the console's own markup). */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Page} from 'puppeteer-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe finds in the tab, as `rule: target` lines; empty when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({content: axeSource});
  // The key-entry frames are the extension's own documents, out of the page's reach (and axe's): left out here.
  const run = `axe.run(document.querySelector('.modal boa-billing-tab'), {iframes: false, resultTypes: ['violations']})`;
  const lines = `${run}.then((r) => r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + JSON.stringify(n.target))))`;
  return (await page.evaluate(lines)) as string[];
}
