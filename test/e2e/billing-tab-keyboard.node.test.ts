/**
 * The whole flow with the keyboard only: log in, reach the keynode's edit button, open the Billing-only AWS tab,
 * type the pricing keys and the bucket, and Apply, moving with Tab and acting with Enter, never a click.
 * In Firefox the keys come from a real X keyboard on a private Xvfb display: WebDriver BiDi's synthesized Enter
 * fires no click on a button after Enter on a dialog's tab link, which an X keyboard does not reproduce
 * (measured: `docs/console-compatibility.md`, "Firefox keyboard automation").
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import type {ExtensionBrowser} from '../helpers/browser.ts';
import {KEYNODE, describeInBrowsers, startWorld, stopWorld} from '../helpers/e2e-world.ts';
import {tabTo, waitForDeep, waitForSectionText, waitForTabText} from '../helpers/console-driver.ts';
import {protocolKeyboard, startXvfb, x11Keyboard, type Display, type Keyboard} from '../helpers/real-keyboard.ts';
import {readBackdoorState} from '../helpers/sandbox-backdoor.ts';

describeInBrowsers('the Billing-only AWS tab with the keyboard only', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let display: Display | undefined;

  before(async () => {
    if (browser === 'firefox') display = await startXvfb();
    ({sandbox, ext} = await startWorld('happy-path', {browser, display: display?.name}));
  });
  after(async () => {
    await stopWorld({sandbox, ext});
    display?.stop();
  });

  it('goes from login to applied properties with Tab, typing and Enter', {timeout: 120_000}, async () => {
    const page: Page = await ext.browser.newPage();
    const keyboard: Keyboard = display ? x11Keyboard(display, 'firefox') : protocolKeyboard(page);
    await page.goto(`${sandbox.consoleUrl}#/enterprises`);
    await page.waitForSelector('#login-username');
    await tabTo(page, /^input#login-username/, keyboard);
    await keyboard.type('admin');
    await keyboard.press('Tab');
    await keyboard.type('admin-demo');
    await keyboard.press('Enter');
    await page.waitForSelector('.enterprise-list .edit-enterprise');

    await tabTo(page, new RegExp(`^button Edit enterprise ${KEYNODE.name}$`), keyboard);
    await keyboard.press('Enter');
    await page.waitForSelector('.modal.enterprise-modal');
    await waitForDeep(page, '.modal li[data-boa-mounted] > a');
    await tabTo(page, /^a Billing-only AWS$/, keyboard);
    await keyboard.press('Enter');
    await waitForTabText(page, /Pricing credentials/);

    await tabTo(page, /^input#key-id\[key-id\]/, keyboard);
    await keyboard.type(PRICING_KEY.accessKeyId);
    await keyboard.press('Tab');
    await keyboard.type(PRICING_KEY.secretAccessKey);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    await tabTo(page, /^input#bucket/, keyboard);
    await keyboard.type(BILLING_BUCKET);
    await waitForSectionText(page, 'diff', /Other properties left as they are/);
    await tabTo(page, /^button Apply$/, keyboard);
    await keyboard.press('Enter');
    await waitForSectionText(page, 'diff', 'amazon_* properties: saved.');
    assert.equal((await readBackdoorState(sandbox, KEYNODE.id)).properties.amazon_bucket, BILLING_BUCKET);
    await page.close();
  });
});
