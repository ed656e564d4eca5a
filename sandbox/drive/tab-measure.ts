/**
 * How tall the tab is in the console's dialog, section by section, and how often it says the same facts: the
 * figures of the operator's-path e2e and of `bench/tab-height.ts`.
 */
import type {Page} from 'puppeteer-core';
import {tabText} from './console-driver.ts';

export interface TabMeasure {
  readonly tabPx: number;
  /** What the dialog shows at once: its scrolling body's height. */
  readonly visiblePx: number;
  /** Each section's height, by its heading's id (`h-status`, `h-pricing`…). */
  readonly sectionsPx: Readonly<Record<string, number>>;
  /** Occurrences, in the tab's visible text, of facts that need saying once. */
  readonly repeats: Readonly<Record<string, number>>;
}

export async function measureTab(page: Page, facts: Readonly<Record<string, string>>): Promise<TabMeasure> {
  const [tabPx, visiblePx, sectionsPx] = (await page.evaluate(`(() => {
    const tab = document.querySelector('.modal boa-billing-tab');
    const body = tab.closest('.modal-body') || tab.closest('.modal-content');
    const sections = [...tab.shadowRoot.querySelectorAll('section')].map((s) => [s.getAttribute('aria-labelledby'), Math.round(s.getBoundingClientRect().height)]);
    return [Math.round(tab.getBoundingClientRect().height), Math.round(body.clientHeight), Object.fromEntries(sections)];
  })()`)) as [number, number, Record<string, number>];
  const text = await tabText(page);
  const repeats = Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, text.split(value).length - 1]));
  return {tabPx, visiblePx, sectionsPx, repeats};
}
