/**
 * What the browser does around the tab: the console page's view of our elements, the AWS access the operator
 * can turn off, and a background that stops in the middle of a check (Chrome stops an idle worker, Firefox
 * suspends its event page).
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET, PAYER_ACCOUNT, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import {startSandbox, type Sandbox} from '../../sandbox/server.ts';
import {formatAccount} from '../../src/components/shared/identity.ts';
import {enableConsoleOrigin, launchWithExtension, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {clickApply, openTabOf, typeBucket, typeKeys, waitForSectionText} from '../../sandbox/drive/console-driver.ts';
import {clearFaults, injectFaults, readBackdoorState, resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

const admin = {user: 'admin', password: 'admin-demo'};
const READY = /Pricing credentials/;

describeInBrowsers('the tab as the browser runs it', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;

  before(async () => {
    sandbox = await startSandbox({scenario: 'happy-path'});
    ext = await launchWithExtension({
      browser,
      endpoints: {s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl},
    });
    await enableConsoleOrigin(ext, sandbox.origin);
  });
  beforeEach(async () => {
    await resetSandbox(sandbox);
    page = await ext.browser.newPage();
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, READY);
  });
  afterEach(async () => {
    sandbox.aws.faults.latencyMs = 0;
    await page.close();
  });
  after(() => stopWorld({sandbox, ext}));

  it("gives the console page a plain element: none of the extension's state or methods", async () => {
    // Run in the page's own world, as any console script would.
    const seen = await page.evaluate(`(() => {
      const tab = document.querySelector('boa-billing-tab');
      return {
        plainPrototype: Object.getPrototypeOf(tab) === HTMLElement.prototype,
        services: 'services' in tab,
        lit: typeof tab.requestUpdate,
        // Firefox defines a content script's elements in the page's registry (Mozilla bug 1492002): the page may
        // see the name, but gets nothing it can call or read.
        constructorUsable: (() => {
          const constructor = customElements.get('boa-billing-tab');
          if (!constructor) return false;
          try {
            return typeof new constructor().requestUpdate === 'function' || Object.keys(constructor.prototype ?? {}).length > 0;
          } catch {
            return false;
          }
        })(),
      };
    })()`);
    assert.deepEqual(seen, {plainPrototype: true, services: false, lit: 'undefined', constructorUsable: false});
  });

  // Chromium: measured, CDP's ServiceWorker.stopAllWorkers left the port open without a disconnect and the check
  // waiting (docs/console-compatibility.md #24); Chrome keeps a worker with an active port alive, so an operator
  // does not meet it. Firefox suspends its event page when idle, ports open or not.
  const firefoxOnly = browser === 'chromium' && 'Chromium keeps a worker with an active port alive; no faithful way to stop it here';

  it('completes a check during which the background stopped, with the right verdict', {skip: firefoxOnly}, async () => {
    sandbox.aws.faults.latencyMs = 1_000;
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'Checking');
    await ext.stopBackground();
    const pricing = await waitForSectionText(page, 'pricing', `user/abiquo-billing-user in account ${formatAccount(PAYER_ACCOUNT)}`, 30_000);
    assert.doesNotMatch(pricing, /reloaded|Failed:/);
  });

  it('completes an Apply during which the background stopped (Apply talks to Abiquo from the page)', {skip: firefoxOnly}, async () => {
    await typeKeys(page, PRICING_KEY);
    await typeBucket(page, BILLING_BUCKET);
    await waitForSectionText(page, 'diff', /Other properties left as they are/);
    await injectFaults(sandbox, {latencyMs: 1_000});
    try {
      await clickApply(page);
      await ext.stopBackground();
      await waitForSectionText(page, 'diff', SAVED, 30_000);
    } finally {
      await clearFaults(sandbox);
    }
    assert.equal((await readBackdoorState(sandbox, KEYNODE.id)).properties.amazon_bucket, BILLING_BUCKET);
  });

  // Last: the permission cannot be given back without a user gesture.
  it(
    'says how to give AWS access back when the operator turned it off in the browser',
    {skip: browser === 'chromium' && 'Chromium cannot take a required host permission away by API (only by site-access settings)'},
    async () => {
      await ext.evaluate(`chrome.permissions.remove({origins: ['https://*.amazonaws.com/*']})`);
      await typeKeys(page, PRICING_KEY);
      const text = await waitForSectionText(page, 'pricing', 'no longer lets the extension reach AWS');
      assert.match(text, /about:addons/);
      assert.doesNotMatch(text, /Couldn't reach AWS|user\/abiquo-billing-user in account/);
    },
  );
});
