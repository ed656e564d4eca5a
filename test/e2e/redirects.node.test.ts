/**
 * A console API that answers with a redirect to another origin (an SSO or reverse proxy sending an expired
 * session to its login host) never gets a write re-sent there: the credentials body stays home, the Apply is
 * undone, and the tab says what happened. Asserted on what the other origin received (issue 10).
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import type {ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {clickApply, readyToApply, waitForSectionText} from '../../sandbox/drive/console-driver.ts';
import {injectFaults, readBackdoorState, readElsewhere, resetSandbox, type BackdoorEnterprise} from '../../sandbox/drive/sandbox-backdoor.ts';

describeInBrowsers('redirects from the console API', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;
  let initial: BackdoorEnterprise;

  before(async () => {
    ({sandbox, ext} = await startWorld('happy-path', {browser}));
    initial = await readBackdoorState(sandbox, KEYNODE.id);
  });
  beforeEach(async () => {
    await resetSandbox(sandbox);
    page = await ext.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  after(() => stopWorld({sandbox, ext}));

  it('a 307 on the pricing credentials delivers nothing to the other origin, and the Apply is undone', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {redirectNext: {status: 307, method: 'POST', path: '/pricingcredentials'}});
    await clickApply(page);
    await waitForSectionText(page, 'diff', "The console's API answered this write with a redirect: it was not sent on anywhere");
    await waitForSectionText(page, 'diff', 'Nothing was written: the enterprise is as it was before.');
    const elsewhere = await readElsewhere(sandbox);
    assert.deepEqual(elsewhere.received, [], 'nothing reached the other origin');
    assert.equal(elsewhere.preflights, 0);
    const now = await readBackdoorState(sandbox, KEYNODE.id);
    assert.deepEqual([now.properties, now.pricingCredentials], [initial.properties, initial.pricingCredentials]);
  });

  it('a 308 on the properties write delivers nothing either', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {redirectNext: {status: 308, method: 'PUT', path: '/properties'}});
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'Nothing was written: the enterprise is as it was before.');
    assert.deepEqual((await readElsewhere(sandbox)).received, []);
    assert.deepEqual((await readBackdoorState(sandbox, KEYNODE.id)).properties, initial.properties);
  });

  it('a read redirected to another origin is not used, and the tab names where it pointed', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {redirectNext: {status: 302, method: 'GET', path: '/login'}});
    await clickApply(page);
    await waitForSectionText(page, 'diff', `The console's API redirected a read to ${sandbox.elsewhereOrigin}, another site`);
    // The browser follows a read's redirect by itself: that one GET arrived, with no body and no key, and was not retried.
    const received = (await readElsewhere(sandbox)).received;
    assert.deepEqual(
      received.map((r) => [r.method, r.path, r.body]),
      [['GET', '/api/login?expand=privileges', '']],
    );
    assert.ok(!JSON.stringify(received).includes(PRICING_KEY.secretAccessKey));
    assert.deepEqual((await readBackdoorState(sandbox, KEYNODE.id)).properties, initial.properties);
  });
});
