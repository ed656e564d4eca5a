/**
 * The key-entry frame in the tab (keys-frame.html): it is exactly as tall as its form, down as well as up, and then
 * stays put (a resize that fed the next would move the tab under the pointer), and its form takes the console's
 * look, as the rest of the tab does.
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {ElementHandle, Frame, Page} from 'puppeteer-core';
import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {poll, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {keysForm, openTabOf, typeKeys, waitForSectionText} from '../../sandbox/drive/console-driver.ts';
import {resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';

const admin = {user: 'admin', password: 'admin-demo'};
const entry = 'boa-billing-tab >>> boa-pricing-credentials >>> boa-keys-entry';

/** The heights the iframe was given, recorded in the page as the content script sets them. */
type RecordingFrame = HTMLIFrameElement & {boaHeights: string[]};

/** Lets both documents run a few animation frames: a resize feeding the next would go on through them. */
async function someFrames(document: Page | Frame): Promise<void> {
  await document.evaluate(async () => {
    for (let frame = 0; frame < 5; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

describeInBrowsers('the key-entry frame in the tab', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  beforeEach(async () => {
    await resetSandbox(sandbox);
    page = await ext.browser.newPage();
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, /Pricing credentials/);
  });
  afterEach(() => page?.close());
  after(() => stopWorld({sandbox, ext}));

  it('is as tall as its form as the form grows and shrinks, and then stops resizing', async () => {
    const {root, form} = await keysForm(page);
    const frame = root as Frame;
    const iframe = (await page.$(`${entry} iframe`)) as ElementHandle<HTMLIFrameElement>;
    await iframe.evaluate((element) => {
      const heights: string[] = ((element as RecordingFrame).boaHeights = []);
      new MutationObserver(() => heights.push(element.style.height)).observe(element, {attributeFilter: ['style']});
    });

    /**
     * The iframe's height once it is the form's own (rounded up), nothing of the frame's document overflows it (with
     * classic scrollbars, which headless browsers do not draw, that overflow would bring one and rewrap the form),
     * and no more height comes.
     */
    const settledHeight = async (what: string): Promise<number> => {
      const fits = () =>
        frame.evaluate(() => {
          const height = Math.ceil(document.querySelector('#app')!.getBoundingClientRect().height);
          return height === window.innerHeight && document.documentElement.scrollHeight === window.innerHeight;
        });
      await poll(fits, `the frame never became exactly as tall as its content ${what}`);
      const given = await iframe.evaluate((element) => (element as RecordingFrame).boaHeights.length);
      await someFrames(frame);
      await someFrames(page);
      await someFrames(frame);
      assert.equal(await iframe.evaluate((element) => (element as RecordingFrame).boaHeights.length), given, `the frame kept resizing ${what}`);
      assert.equal(await fits(), true);
      return frame.evaluate(() => window.innerHeight);
    };
    const shown = (selector: string) => poll(() => frame.$(`${form} >>> ${selector}`), `${selector} never showed`);

    const empty = await settledHeight('when empty');

    // A paste without keys: the form says so, and grows.
    const area = (await frame.$(`${form} >>> textarea#paste`))!;
    await area.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'no keys in this text');
      element.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true, composed: true}));
    });
    await shown('[role="alert"]:not([hidden])');
    const withAlert = await settledHeight('with the paste problem');
    assert.ok(withAlert > empty, `the frame grew with the message (${empty} → ${withAlert} px)`);

    // Keys typed: the message goes, then the verified keys fold into one line, shorter than the empty form.
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    await shown('.masked');
    const accepted = await settledHeight('with the keys accepted');
    assert.ok(accepted < empty, `the frame shrank below the empty form's height (${withAlert} → ${accepted} px, empty ${empty} px)`);

    // "Change keys" brings the empty form back, at its height.
    await (await frame.$(`${form} >>> button`))!.click();
    await shown('input[name="key-id"]');
    assert.equal(await settledHeight('with the fields back'), empty);
  });

  it("gives its form the console's look, as the tab's own controls have it", async () => {
    const {root, form} = await keysForm(page);
    const frame = root as Frame;
    const theme = await page.$eval('boa-billing-tab', (host) => {
      const style = (host as HTMLElement).style;
      return Object.fromEntries([...style].filter((name) => name.startsWith('--boa-')).map((name) => [name, style.getPropertyValue(name).trim()]));
    });
    // The simulated console's buttons are not the fallback look: the test would prove nothing otherwise.
    assert.notEqual(theme['--boa-secondary-bg'] ?? 'rgb(255, 255, 255)', 'rgb(255, 255, 255)', `the tab read the console's look: ${JSON.stringify(theme)}`);
    assert.ok(theme['--boa-font-family'], 'the tab read the console font');

    const framed = await frame.evaluate(() => {
      const style = document.documentElement.style;
      return Object.fromEntries([...style].filter((name) => name.startsWith('--boa-')).map((name) => [name, style.getPropertyValue(name).trim()]));
    });
    assert.deepEqual(framed, theme, 'the frame carries the same theme as the tab');

    const look = (button: Element) => {
      const style = getComputedStyle(button);
      return {
        background: style.backgroundColor,
        color: style.color,
        border: style.borderTopColor,
        font: style.fontFamily,
        size: style.fontSize,
        padding: style.padding,
        radius: style.borderTopLeftRadius,
      };
    };
    const tabButton = await page.$eval('boa-billing-tab >>> button:not(.link):not(.primary)', look);
    const frameButton = await frame.$eval(`${form} >>> .file button`, look);
    assert.deepEqual(frameButton, tabButton, "the frame's button looks like the tab's");
    assert.equal(frameButton.background, theme['--boa-secondary-bg']);
    assert.equal(
      await frame.$eval(`${form} >>> input[name="key-id"]`, (input) => getComputedStyle(input).borderTopColor),
      theme['--boa-input-border-color'],
      "the frame's fields have the console's border",
    );
  });
});
