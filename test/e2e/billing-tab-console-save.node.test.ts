/**
 * The console's own Save after Apply: the simulated console writes back the properties it loaded when the dialog
 * opened, which drops the `amazon_*` values just applied. The extension notices, says which properties were
 * lost, and one click on Restore writes them back without touching anything else.
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import type {ExtensionBrowser} from '../helpers/browser.ts';
import {KEYNODE, describeInBrowsers, startWorld, stopWorld} from '../helpers/e2e-world.ts';
import {clickApply, openTabOf, saveEnterpriseDialog, typeBucket, typeKeys, waitForSectionText, waitForTabText} from '../helpers/console-driver.ts';
import {readBackdoorState} from '../helpers/sandbox-backdoor.ts';

describeInBrowsers("the console's own Save after Apply", (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  after(() => stopWorld({sandbox, ext}));

  it('is detected when it drops the applied values, and Restore writes them back in one click', {timeout: 60_000}, async () => {
    const page = await ext.browser.newPage();
    await openTabOf(page, sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Pricing credentials/);
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'Connected as abiquo-billing-user');
    await typeBucket(page, BILLING_BUCKET);
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'amazon_* properties: saved.');
    const applied = (await readBackdoorState(sandbox, KEYNODE.id)).properties;

    await saveEnterpriseDialog(page);
    const lostNames = Object.keys(applied).filter((key) => key.startsWith('amazon_'));
    const dropped = (await readBackdoorState(sandbox, KEYNODE.id)).properties;
    assert.deepEqual(Object.keys(dropped).filter((key) => key.startsWith('amazon_')), [], "the console's Save really dropped them");
    const offer = await waitForTabText(page, "The console's Save removed the billing properties");
    for (const name of lostNames) assert.match(offer, new RegExp(name));

    await clickApply(page); // the same button, now labelled Restore
    await waitForSectionText(page, 'diff', 'amazon_* properties: saved.');
    assert.deepEqual((await readBackdoorState(sandbox, KEYNODE.id)).properties, applied);
    await page.close();
  });
});
