/**
 * The operator's whole flow on the simulated console, step by step, with a screenshot of the dialog after
 * each step (README and docs/user-guide.md show them).
 */
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {PRICING_KEY} from '../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../sandbox/server.ts';
import type {ExtensionBrowser} from '../test/helpers/browser.ts';
import {clickApply, logIn, openBillingTab, openEnterpriseDialog, pickReport, typeBucket, typeKeys, waitForSectionText, waitForTabText} from '../test/helpers/console-driver.ts';

/** Screenshot of the dialog, scrolled so that the tab's `section` (a component of the tab) is in view. */
async function shoot(page: Page, dir: string, name: string, written: string[], section?: string): Promise<void> {
  const file = path.join(dir, `${name}.png`);
  if (section) await (await page.$(`boa-billing-tab >>> ${section}`))?.evaluate((e) => e.scrollIntoView({block: 'start'}));
  const modal = await page.$('.modal.enterprise-modal');
  await (modal ?? page).screenshot({path: file});
  written.push(file);
}

export async function runDemoFlow(ext: ExtensionBrowser, sandbox: Sandbox, dir: string): Promise<string[]> {
  mkdirSync(dir, {recursive: true});
  const written: string[] = [];
  const page = await ext.browser.newPage();
  await page.setViewport({width: 1280, height: 1000, deviceScaleFactor: 1});
  await logIn(page, sandbox.consoleUrl, sandbox.login.user, sandbox.login.password);
  await page.screenshot({path: path.join(dir, '01-users-view.png')});
  written.push(path.join(dir, '01-users-view.png'));

  await openEnterpriseDialog(page, 'Acme Customer Billing');
  await openBillingTab(page);
  await waitForTabText(page, /Setup status/i);
  await shoot(page, dir, '02-billing-tab', written);

  await typeKeys(page, PRICING_KEY);
  await waitForTabText(page, /user\/abiquo-billing-user in account 1234-5678-9012/);
  await shoot(page, dir, '03-pricing-identity', written, 'boa-pricing-credentials');

  await typeBucket(page, 'acme-billing-reports');
  await waitForTabText(page, /cur\/abiquo-hourly/);
  await shoot(page, dir, '04-reports-discovered', written, 'boa-cur-report');

  await pickReport(page, 'cur/abiquo-hourly');
  await waitForTabText(page, /amazon_billing_compress_format/);
  await shoot(page, dir, '05-checks-and-diff', written, 'boa-properties-diff');

  await clickApply(page);
  await waitForSectionText(page, 'diff', 'amazon_* properties: saved.');
  // After a save the keys form is cleared and takes the focus: let that settle before scrolling to the outcome.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await shoot(page, dir, '06-applied', written, 'boa-properties-diff');
  await page.close();
  return written;
}
