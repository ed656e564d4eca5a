/**
 * The built sandbox extension in Debian's Chromium and Firefox ESR on the simulated console: content scripts
 * only on consoles the operator enabled; after enabling, the tab mounts in the enterprise dialog and talks to
 * the service worker; forged messages are refused.
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import type {Sandbox} from '../../sandbox/server.ts';
import {contentScriptLoaded, enableConsoleOrigin, poll, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {startSandbox} from '../../sandbox/server.ts';
import {startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import {cancelEnterpriseDialog, logIn, openBillingTab, openEnterpriseDialog, typeKeys, waitForTabText} from '../../sandbox/drive/console-driver.ts';

describeInBrowsers('the extension on the simulated console', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser, enable: false})));
  after(() => stopWorld({sandbox, ext}));

  it('runs no content script on a console that was not enabled', async () => {
    const page = await ext.browser.newPage();
    await page.goto(sandbox.consoleUrl);
    await page.waitForSelector('#login-username');
    assert.equal(await contentScriptLoaded(page), false);
    // The same console under another host name, never granted, stays untouched too.
    await page.goto(sandbox.consoleUrl.replace('127.0.0.1', 'localhost'));
    await page.waitForSelector('#login-username');
    assert.equal(await contentScriptLoaded(page), false);
    await page.close();
  });

  it("runs nothing on another port of an enabled console's host (permissions and matches ignore ports)", async () => {
    await enableConsoleOrigin(ext, sandbox.origin);
    const sibling = await startSandbox({scenario: 'happy-path'});
    try {
      // The worker's inbox as a test listener sees it: which pages asked whether they may start.
      await ext.evaluate(
        `(globalThis.pings = [], chrome.runtime.onMessage.addListener((message, sender) => void (message?.type === 'worker/ping' && globalThis.pings.push(sender.url))), true)`,
      );
      const page = await ext.browser.newPage();
      await page.goto(sibling.consoleUrl);
      await page.waitForSelector('#login-username');
      // The script is registered for the host, so it runs there and asks; the worker refuses, and it adds nothing.
      await poll(
        () => ext.evaluate(`globalThis.pings.some((url) => url.startsWith(${JSON.stringify(sibling.origin)}))`),
        'the content script never asked the worker',
      );
      assert.equal(await contentScriptLoaded(page), false);
      await page.close();
    } finally {
      await sibling.close();
    }
  });

  it('refuses to enable a site that does not answer like an Abiquo API, saying what it answered', async () => {
    const said = await enableConsoleOrigin(ext, sandbox.elsewhereOrigin);
    assert.match(said, /does not answer like an Abiquo API/);
    assert.ok(said.includes(`${sandbox.elsewhereOrigin}/api/version answered HTTP 200 application/json`), said);
    const page = await ext.browser.newPage();
    await page.goto(`${sandbox.elsewhereOrigin}/`);
    assert.equal(await contentScriptLoaded(page), false);
    await page.close();
  });

  it('after the operator enables the console, mounts the tab in the enterprise dialog and reaches the worker', async () => {
    const notice = await enableConsoleOrigin(ext, sandbox.origin);
    assert.match(notice, /Enabled on http:\/\/127\.0\.0\.1/);
    const page = await ext.browser.newPage();
    await logIn(page, sandbox.consoleUrl, 'admin', 'admin-demo');
    assert.equal(await contentScriptLoaded(page), true);
    await openEnterpriseDialog(page, 'Acme Customer Billing');
    await openBillingTab(page);
    // The enterprise id came from the worker's webRequest watcher: the tab loaded that keynode's state.
    await waitForTabText(page, /Pricing credentials/i);
    await page.close();
  });

  it('opens the tab from the toolbar in a panel of its own when no dialog tab could be mounted', async () => {
    const page = await ext.browser.newPage();
    await logIn(page, sandbox.consoleUrl, 'admin', 'admin-demo');
    // The console loads the keynode (the worker sees it), then the dialog is gone: no tab strip to mount into.
    await openEnterpriseDialog(page, 'Acme Customer Billing');
    await cancelEnterpriseDialog(page);
    // What the popup's "Open the Billing-only AWS tab" sends to the console's tab.
    await ext.evaluate(
      `chrome.tabs.query({}).then((all) => all.filter((tab) => tab.url?.startsWith('${sandbox.origin}/'))).then((tabs) => Promise.all(tabs.map((tab) => chrome.tabs.sendMessage(tab.id, {type: 'console/open-panel'}).catch(() => undefined))))`,
    );
    await page.waitForSelector('section[data-boa-mounted] boa-billing-tab');
    await waitForTabText(page, /Pricing credentials/i);
    await page.close();
  });

  it('a new copy of the content script (injected after an extension update) replaces the running one', async () => {
    const page = await ext.browser.newPage();
    await logIn(page, sandbox.consoleUrl, 'admin', 'admin-demo');
    await openEnterpriseDialog(page, 'Acme Customer Billing');
    await openBillingTab(page);
    await page.evaluate('document.querySelector(".modal li[data-boa-mounted]").dataset.testMark = "first copy"');
    // What the worker does for open console tabs when the extension is installed or updated.
    await ext.evaluate(
      `chrome.tabs.query({}).then((all) => all.filter((tab) => tab.url?.startsWith('${sandbox.origin}/'))).then((tabs) => Promise.all(tabs.map((tab) => chrome.scripting.executeScript({target: {tabId: tab.id}, files: ['content.js']}))))`,
    );
    await page.waitForFunction(
      'document.querySelectorAll(".modal li[data-boa-mounted]").length === 1 && !document.querySelector(".modal li[data-boa-mounted]").dataset.testMark',
    );
    await openBillingTab(page);
    // The new copy loads the keynode again: wait for it, so a failed load says why instead of a field never found.
    await waitForTabText(page, /Pricing credentials/i);
    await typeKeys(page, PRICING_KEY);
    await waitForTabText(page, 'user/abiquo-billing-user in account 1234-5678-9012');
    await page.close();
  });

  it('refuses forged messages: a page cannot reach the worker, another context is rejected', async () => {
    const page = await ext.browser.newPage();
    await page.goto(sandbox.consoleUrl);
    const pageCanSend = await page.evaluate((id) => {
      const runtime = (globalThis as {chrome?: {runtime?: {sendMessage?: unknown}}}).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return false;
      try {
        (runtime.sendMessage as (id: string, m: unknown) => void)(id, {boa: 1, type: 'worker/ping', payload: {}});
        return true;
      } catch {
        return false;
      }
    }, new URL(ext.extensionOrigin).host);
    assert.equal(pageCanSend, false, 'the console page has no channel to the extension');
    // An extension page is not a console: a console-only request from it is refused by the worker.
    const options = await ext.openExtensionPage('options.html');
    const reply = await options.evaluate('chrome.runtime.sendMessage({boa: 1, type: "console/current-enterprise", payload: {}})');
    assert.deepEqual(reply, {ok: false, code: 'SENDER_REJECTED'});
    await options.close();
    await page.close();
  });
});
