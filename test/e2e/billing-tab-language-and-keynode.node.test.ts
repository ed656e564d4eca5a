/**
 * Where the form does not belong, and in which language: on an enterprise that is not a keynode the tab explains
 * why and what to do instead of showing the form; for a console user whose locale is Spanish the whole tab, its
 * label and the checks' messages are in Spanish.
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {PAYER_ACCOUNT, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {formatAccount} from '../../src/components/shared/identity.ts';
import type {ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {openTabOf, sectionText, typeKeys, waitForSectionText, waitForTabText} from '../../sandbox/drive/console-driver.ts';

describeInBrowsers('the tab on a non-keynode enterprise and in a Spanish console', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  beforeEach(async () => {
    page = await ext.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  after(() => stopWorld({sandbox, ext}));

  it('explains on a standard enterprise that billing-only AWS is set on the keynode, with no form', async () => {
    await openTabOf(page, sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, 'Globex Corporation', /keynode/);
    const text = await waitForTabText(page, 'Globex Corporation is not a keynode enterprise, so billing-only AWS does not apply here.');
    assert.match(text, /Open the keynode enterprise of this customer/);
    assert.doesNotMatch(text, /Pricing credentials|Apply/);
    assert.equal(await page.$('boa-billing-tab >>> input'), null, 'no field to fill');
  });

  it('speaks Spanish to a console user whose locale is es_ES: label, sections and AWS checks', async () => {
    await openTabOf(page, sandbox.consoleUrl, {user: 'administrador', password: 'admin-demo-es'}, 'Acme Customer Billing', /Credenciales de precios/);
    const label = await page.$eval('.modal li[data-boa-mounted] > a', (a) => a.textContent?.trim());
    assert.equal(label, 'AWS solo facturación');
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', `user/abiquo-billing-user en la cuenta ${formatAccount(PAYER_ACCOUNT)}`);
    assert.doesNotMatch(await sectionText(page, 'pricing'), /in account|Passed:|Checks passed/);
    assert.match(await sectionText(page, 'diff'), /\S/);
    assert.doesNotMatch(await sectionText(page, 'report'), /Cost and Usage Report|paste them above/);
  });
});
