/**
 * The toolbar popup in Firefox ESR, used as an operator uses it: a real click on the toolbar button and real keys
 * in the popup (Xvfb and xdotool), then Firefox's own permission prompt answered with the mouse. The console is
 * reached under `localhost`, a host the sandbox build does not declare, so enabling it needs the operator's grant.
 * Chromium draws its toolbar and prompts where no automation protocol reaches (docs/console-compatibility.md #25).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {browserVersion} from '../../scripts/ensure-browsers.ts';
import {startSandbox, type Sandbox} from '../../sandbox/server.ts';
import {contentScriptLoaded, e2eBrowsers, launchWithExtension, poll, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {cancelEnterpriseDialog, logIn, openEnterpriseDialog, waitForTabText} from '../../sandbox/drive/console-driver.ts';
import {firefoxToolbar, type FirefoxToolbar} from '../helpers/firefox-toolbar.ts';
import {startXvfb, type Display} from '../../sandbox/drive/real-keyboard.ts';
import {KEYNODE} from '../../sandbox/drive/world.ts';

const firefox = e2eBrowsers.includes('firefox');

describe(`the toolbar popup [${firefox ? browserVersion('firefox') : 'firefox not selected'}]`, {skip: !firefox}, () => {
  let display: Display;
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let toolbar: FirefoxToolbar;
  let page: Page;
  let consoleUrl: string;

  before(async () => {
    display = await startXvfb();
    sandbox = await startSandbox({scenario: 'happy-path'});
    ext = await launchWithExtension({
      browser: 'firefox',
      headless: false,
      display: display.name,
      endpoints: {s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl},
      firefoxPrefs: {'extensions.webextOptionalPermissionPrompts': true},
    });
    toolbar = firefoxToolbar(ext, display);
    consoleUrl = sandbox.consoleUrl.replace('127.0.0.1', 'localhost');
    // The extension page evaluations go through opens now, so that the console's tab is the active one after.
    await ext.evaluate('true');
    page = await ext.browser.newPage();
  });
  after(async () => {
    await ext?.close();
    await sandbox?.close();
    display?.stop();
  });

  it('"Enable on this console" asks Firefox for the console and enables it, even when the popup is gone before the answer', async () => {
    await logIn(page, consoleUrl, 'admin', 'admin-demo');
    assert.equal(await contentScriptLoaded(page), false);
    await toolbar.clickButton();
    assert.match((await toolbar.popup())!.text, /not enabled on http:\/\/localhost:\d+/);
    await toolbar.pressPopupButton('Enable on this console');
    assert.match(await toolbar.permissionPrompt(), /localhost/);
    // A click elsewhere closes the popup and ends its script: the worker finishes on the grant.
    await toolbar.closePopup();
    await toolbar.allowPermission();
    await poll(async () => {
      await page.reload();
      return contentScriptLoaded(page);
    }, 'the content script never ran on the enabled console');
  });

  it('on an enabled console, "Open the Billing-only AWS tab" opens the tab where no dialog holds it', async () => {
    // A page of its own: a hash-only navigation of the first one would not load the login form again.
    await page.close();
    page = await ext.browser.newPage();
    await logIn(page, consoleUrl, 'admin', 'admin-demo');
    // The console loads the keynode (the worker sees it), then the dialog is gone: no tab strip to mount into.
    await openEnterpriseDialog(page, KEYNODE.name);
    await cancelEnterpriseDialog(page);
    await toolbar.clickButton();
    assert.match((await toolbar.popup())!.text, /^Enabled on http:\/\/localhost:\d+\./m);
    await toolbar.pressPopupButton('Open the Billing-only AWS tab');
    await page.waitForSelector('section[data-boa-mounted] boa-billing-tab');
    await waitForTabText(page, /Pricing credentials/i);
  });
});
