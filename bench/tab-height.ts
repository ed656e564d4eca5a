/**
 * The tab's height at each step of the operator's path (issue 12), in Chromium on the simulated console, with the
 * dialog's visible height to compare with, and how often the same facts are repeated in what the tab shows.
 */
import {BILLING_BUCKET, PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import {KEYNODE, startWorld, stopWorld} from '../sandbox/drive/world.ts';
import {clickApply, openTabOf, typeBucket, typeKeys, waitForSectionText} from '../sandbox/drive/console-driver.ts';
import {measureTab, type TabMeasure} from '../sandbox/drive/tab-measure.ts';
import type {Page} from 'puppeteer-core';
import {SAVED} from '../sandbox/drive/saved-text.ts';

export interface HeightFigure extends TabMeasure {
  readonly step: string;
}

/** Facts that need saying once: the report name, region, bucket. */
const FACTS = {'report name': 'abiquo-hourly', region: 'us-east-1', bucket: 'acme-billing-reports'};

const measure = async (page: Page, step: string): Promise<HeightFigure> => ({step, ...(await measureTab(page, FACTS))});

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
    await waitForSectionText(page, 'diff', SAVED);
    figures.push(await measure(page, 'after Apply'));
    return figures;
  } finally {
    await stopWorld(world);
  }
}
