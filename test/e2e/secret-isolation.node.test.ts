/**
 * The console page's own scripts never see the AWS secret (issue 10): a main-world script installed before the
 * console loads listens to every event it can on `window` and `document` (capture and bubble), polls every field
 * it can reach through open shadow roots and watches every attribute. The operator then types, pastes and drops
 * keys; nothing the script gathered holds the secret, nor does the page's DOM or storage.
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {pageHolds, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {clickApply, dropKeysCsv, keysForm, openTabOf, readyToApply, typeKeys, waitForSectionText} from '../../sandbox/drive/console-driver.ts';
import {accessKeysCsv} from '../../sandbox/aws/access-keys-csv.ts';
import {readApiWrites, resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

const EVENTS = ['input', 'change', 'keydown', 'keyup', 'keypress', 'beforeinput', 'paste', 'copy', 'drop', 'dragover', 'message', 'focusin', 'compositionend'];

/** The eavesdropper: a page script as an XSS or a third-party script on the console would run. */
const EAVESDROPPER = `(() => {
  const seen = (window.__seen = []);
  const record = (value) => { try { seen.push(typeof value === 'string' ? value : JSON.stringify(value)); } catch { seen.push(String(value)); } };
  const describe = (event) => {
    const parts = [event.type, event.key, event.data];
    try { parts.push(event.clipboardData && event.clipboardData.getData('text/plain')); } catch {}
    try { parts.push(event.dataTransfer && event.dataTransfer.getData('text/plain')); } catch {}
    try { parts.push(event.data && typeof event.data === 'object' ? JSON.stringify(event.data) : undefined); } catch {}
    for (const target of event.composedPath ? event.composedPath() : []) if (target && 'value' in target) parts.push(target.value);
    record(parts.filter(Boolean).join(' '));
  };
  for (const type of ${JSON.stringify(EVENTS)}) {
    window.addEventListener(type, describe, true);
    document.addEventListener(type, describe, true);
    document.addEventListener(type, describe, false);
  }
  const sweep = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if ('value' in element && element.value) record(element.value);
      if (element.shadowRoot) sweep(element.shadowRoot);
    }
  };
  setInterval(() => sweep(document), 20);
  new MutationObserver((records) => records.forEach((r) => record(r.target.getAttribute && r.attributeName ? r.target.getAttribute(r.attributeName) : ''))).observe(document, {attributes: true, subtree: true, characterData: true, childList: true});
})()`;

describeInBrowsers("the AWS secret and the console page's own scripts", (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  after(() => stopWorld({sandbox, ext}));

  it('a page script listening to everything captures no secret while keys are typed, pasted and dropped', async () => {
    const page = await ext.browser.newPage();
    await page.evaluateOnNewDocument(EAVESDROPPER);
    await openTabOf(page, sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Pricing credentials/);
    assert.equal(await page.evaluate('Array.isArray(window.__seen)'), true, 'the eavesdropper runs in the page');

    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    // A real Ctrl+V of the whole accessKeys.csv into the other form's paste area: the clipboard is the browser's,
    // filled from an extension page of its own (a user's copy), so the paste event is the browser's own.
    const writer = await ext.openExtensionPage('options.html');
    await writer.click('body');
    await writer.evaluate(`navigator.clipboard.writeText(${JSON.stringify(accessKeysCsv(PRICING_KEY))})`);
    await writer.close();
    await page.bringToFront();
    const linked = await keysForm(page, 'linked');
    await (await linked.root.waitForSelector(`${linked.form} >>> textarea#paste`))!.focus();
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    await waitForSectionText(page, 'linked', / in account \d{4}-\d{4}-\d{4}/);
    // "Change keys", then the file dropped on the first form.
    const pricing = await keysForm(page, 'pricing');
    // Clicked from inside the form: the frame's height follows its content, so a pointer click could land mid-move.
    await (await pricing.root.waitForSelector(`${pricing.form} >>> button`))!.evaluate((button) => (button as HTMLButtonElement).click());
    await dropKeysCsv(page, PRICING_KEY, 'pricing');
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');

    const seen = (await page.evaluate('window.__seen')) as string[];
    assert.ok(seen.length > 0, 'the eavesdropper heard the page');
    assert.ok(!seen.some((entry) => entry.includes(PRICING_KEY.secretAccessKey)), 'no event, field or attribute the page can reach held the secret');
    assert.equal(await pageHolds(page, PRICING_KEY.secretAccessKey), false);
    await page.close();
  });

  it("a page script cannot press Apply: synthetic clicks and keys are refused, the operator's own click works", async () => {
    await resetSandbox(sandbox);
    const page = await ext.browser.newPage();
    await readyToApply(page, sandbox.consoleUrl);
    const pressed = await page.evaluate(async () => {
      const diff = document.querySelector('boa-billing-tab')?.shadowRoot?.querySelector('boa-properties-diff');
      const button = diff?.shadowRoot?.querySelector<HTMLButtonElement>('.actions button.primary');
      if (!button) return 'no button';
      button.click();
      button.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, cancelable: true}));
      button.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, composed: true, cancelable: true}));
      // Two frames: any state the click had set would be rendered by now (lit renders in a microtask).
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return diff!.shadowRoot!.textContent ?? '';
    });
    assert.notEqual(pressed, 'no button', 'the page script reached the Apply button');
    assert.doesNotMatch(pressed, /Saving…|saved\./, 'a synthetic click started nothing');
    assert.deepEqual(await readApiWrites(sandbox), [], 'nothing was written');
    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    await page.close();
  });
});
