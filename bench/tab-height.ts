/**
 * The tab's height at each step of the operator's path (issue 12), in Chromium on the simulated console, with the
 * dialog's visible height to compare with, and how often the same facts are repeated in what the tab shows.
 */
import {BILLING_BUCKET, PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import {KEYNODE, startWorld, stopWorld} from '../test/helpers/e2e-world.ts';
import {clickApply, openTabOf, tabText, typeBucket, typeKeys, waitForSectionText} from '../test/helpers/console-driver.ts';
import type {Page} from 'puppeteer-core';

export interface HeightFigure {
  readonly step: string;
  readonly tabPx: number;
  readonly visiblePx: number;
  /** Occurrences, in the tab's visible text, of facts that need saying once: the report name, region, bucket. */
  readonly repeats: Readonly<Record<string, number>>;
}

const FACTS = {'report name': 'abiquo-hourly', region: 'us-east-1', bucket: 'acme-billing-reports'};

async function measure(page: Page, step: string): Promise<HeightFigure> {
  const [tabPx, visiblePx] = (await page.evaluate(`(() => {
    const tab = document.querySelector('.modal boa-billing-tab');
    const body = tab.closest('.modal-body') || tab.closest('.modal-content');
    return [Math.round(tab.getBoundingClientRect().height), Math.round(body.clientHeight)];
  })()`)) as [number, number];
  const text = await tabText(page);
  const repeats = Object.fromEntries(Object.entries(FACTS).map(([name, value]) => [name, text.split(value).length - 1]));
  return {step, tabPx, visiblePx, repeats};
}

export async function benchTabHeight(): Promise<HeightFigure[]> {
  const world = await startWorld('happy-path', {browser: 'chromium'});
  try {
    const page = await world.ext.browser.newPage();
    await page.setViewport({width: 1280, height: 900});
    await openTabOf(page, world.sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Pricing credentials/);
    const figures = [await measure(page, 'tab opened')];
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    figures.push(await measure(page, 'pricing keys checked'));
    await typeBucket(page, BILLING_BUCKET);
    await waitForSectionText(page, 'diff', /Other properties left as they are/);
    figures.push(await measure(page, 'report checked, diff shown'));
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'amazon_* properties: saved.');
    figures.push(await measure(page, 'after Apply'));
    return figures;
  } finally {
    await stopWorld(world);
  }
}
