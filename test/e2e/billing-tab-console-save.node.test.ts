/**
 * The console's own Save after Apply: the simulated console writes back the properties it loaded when the dialog
 * opened, which drops the `amazon_*` values just applied. The extension notices, says which properties were
 * lost, and one click on Restore writes them back without touching anything else. Restore is in view and focused,
 * and offered again (without the secret) when the dialog is closed and opened again.
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {poll, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {
  clickApply,
  focusedElement,
  openBillingTab,
  openEnterpriseDialog,
  openTabOf,
  saveEnterpriseDialog,
  typeBucket,
  typeKeys,
  waitForSectionText,
  waitForTabText,
} from '../../sandbox/drive/console-driver.ts';
import {readBackdoorState} from '../../sandbox/drive/sandbox-backdoor.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

describeInBrowsers("the console's own Save after Apply", (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  after(() => stopWorld({sandbox, ext}));

  it('is detected when it drops the applied values, and Restore writes them back in one click', {timeout: 60_000}, async () => {
    const page = await ext.browser.newPage();
    await openTabOf(page, sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Pricing credentials/);
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    await typeBucket(page, BILLING_BUCKET);
    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    const applied = (await readBackdoorState(sandbox, KEYNODE.id)).properties;

    await saveEnterpriseDialog(page);
    const lostNames = Object.keys(applied).filter((key) => key.startsWith('amazon_'));
    const dropped = (await readBackdoorState(sandbox, KEYNODE.id)).properties;
    assert.deepEqual(
      Object.keys(dropped).filter((key) => key.startsWith('amazon_')),
      [],
      "the console's Save really dropped them",
    );
    const offer = await waitForTabText(page, "The console's Save removed the billing properties");
    for (const name of lostNames) assert.match(offer, new RegExp(name));

    // Restore is in view, inside the floating panel that outlives the dialog, and has the focus.
    await poll(async () => /Restore/.test(await focusedElement(page)), 'Restore never got the focus');
    const inView = await page.evaluate(`(() => {
      const tab = document.querySelector('[role="dialog"][data-boa-mounted] boa-billing-tab');
      const button = tab.shadowRoot.querySelector('boa-properties-diff').shadowRoot.querySelector('button.primary');
      const panel = tab.closest('[role="dialog"]').getBoundingClientRect();
      const b = button.getBoundingClientRect();
      return b.top >= panel.top && b.bottom <= panel.bottom && b.bottom <= window.innerHeight;
    })()`);
    assert.equal(inView, true, 'Restore is visible without scrolling');

    // Closed without restoring, the dialog opened again: Restore is offered again, with no key to paste.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"][data-boa-mounted]', {hidden: true});
    await openEnterpriseDialog(page, KEYNODE.name);
    await openBillingTab(page);
    await waitForTabText(page, "The console's Save removed the billing properties");
    await clickApply(page); // the diff's button, labelled Restore
    await waitForSectionText(page, 'diff', SAVED);
    assert.deepEqual((await readBackdoorState(sandbox, KEYNODE.id)).properties, applied);
    await page.close();
  });
});
