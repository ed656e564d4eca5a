/**
 * The operator's whole flow on the simulated console, step by step, with a screenshot of the dialog after
 * each step (README and docs/user-guide.md show them).
 */
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET, LINKED_KEYS, PRICING_KEY, REPORT_NAME, REPORT_PREFIX} from '../sandbox/aws/demo-keys.ts';
import type {ConsoleLogin, Sandbox} from '../sandbox/server.ts';
import {createTranslator, pickLanguage, supportedLanguages, type Language} from '../src/shared/i18n.ts';
import type {ExtensionBrowser} from '../sandbox/drive/browser.ts';
import {
  clickAddAccount,
  clickApply,
  clickWhenStill,
  logIn,
  openBillingTab,
  openEnterpriseDialog,
  pickReport,
  readPreview,
  startPreview,
  typeBucket,
  typeKeys,
  waitForDeep,
  waitForSectionText,
  waitForTabText,
} from '../sandbox/drive/console-driver.ts';
import {resetSandbox} from '../sandbox/drive/sandbox-backdoor.ts';
import {KEYNODE} from '../sandbox/drive/world.ts';

/** The enterprise the happy-path scenario lists under the keynode without AWS keys. */
const LINKED_NAME = 'Acme Retail';

/**
 * Resolves once the page has stopped moving: no running finite animation or transition, and the same layout (the
 * tab's place and size, the page's scroll, the focused element) for 10 animation frames in a row — e.g. after a
 * save moves the focus and scrolls the dialog. A string, not a function: tsx would wrap inner functions in a
 * helper the page lacks.
 */
async function settled(page: Page): Promise<void> {
  const stable = await page.evaluate(`new Promise((resolve) => {
    const state = () => {
      const tab = document.querySelector('boa-billing-tab');
      const box = tab ? tab.getBoundingClientRect() : {top: 0, height: 0};
      let focused = document.activeElement;
      while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) focused = focused.shadowRoot.activeElement;
      const moving = document.getAnimations().filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity).length;
      return JSON.stringify([box.top, box.height, document.scrollingElement ? document.scrollingElement.scrollTop : 0, focused ? focused.outerHTML.slice(0, 80) : '', moving]);
    };
    let last = '';
    let same = 0;
    const started = performance.now();
    const frame = () => {
      const now = state();
      same = now === last && !JSON.parse(now)[4] ? same + 1 : 0;
      last = now;
      if (same >= 10) resolve(true);
      else if (performance.now() - started > 10000) resolve(false);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`);
  if (!stable) throw new Error('the page never stopped moving');
}

/**
 * Screenshot of the dialog once it has settled, scrolled so that the tab's section holding `component` (one of the
 * tab's components) starts at the top, its heading included.
 */
async function shoot(page: Page, dir: string, name: string, written: string[], component?: string): Promise<void> {
  const file = path.join(dir, `${name}.png`);
  await settled(page);
  if (component) {
    const host = await page.$(`boa-billing-tab >>> ${component}`);
    if (!host) throw new Error(`${name}: no ${component} in the tab`);
    const headingShown = await host.evaluate((e) => {
      const section = e.closest('section') ?? e;
      section.scrollIntoView({block: 'start', behavior: 'instant'});
      const heading = section.querySelector('h1, h2, h3, h4, h5, h6');
      if (!heading) return false;
      const box = heading.getBoundingClientRect();
      // What is drawn at the heading's middle (in the tab's shadow tree): the heading, not the dialog's header over it.
      return (e.getRootNode() as ShadowRoot).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === heading;
    });
    if (!headingShown) throw new Error(`${name}: the heading of ${component}'s section is not in view`);
    // What the scroll brought into view (a frame that was out of view is laid out only now) is drawn before the shot.
    await settled(page);
  }
  const modal = await page.$('.modal.enterprise-modal');
  await (modal ?? page).screenshot({path: file});
  written.push(file);
}

/**
 * Sets the clock of the extension's content scripts in the console's tabs to `at` (it keeps ticking from there), so
 * the times the tab shows (the time of a save) are the same on every run. Only that world: the service worker signs
 * AWS requests with the real time, which the simulated AWS checks. The function is a string, for the same reason as
 * in settled().
 */
async function pinContentClock(ext: ExtensionBrowser, origin: string, at: string): Promise<void> {
  const pin = `(at) => {
    const Real = Date;
    const offset = Real.parse(at) - Real.now();
    globalThis.Date = class extends Real {
      constructor(...args) { if (args.length) super(...args); else super(Real.now() + offset); }
      static now() { return Real.now() + offset; }
    };
  }`;
  // A host pattern without the port: Firefox's match patterns have none (the demo's browser has one console tab).
  const {protocol, hostname} = new URL(origin);
  await ext.evaluate(`chrome.tabs.query({url: ${JSON.stringify(`${protocol}//${hostname}/*`)}})
    .then((tabs) => Promise.all(tabs.map((tab) => chrome.scripting.executeScript({target: {tabId: tab.id}, func: ${pin}, args: [${JSON.stringify(at)}]}))))
    .then(() => true)`);
}

export interface DemoFlowOptions {
  /** The time the tab's clock shows (an ISO instant): the scenario's "now", so saves happen at a fixed time. */
  readonly clock?: string;
}

/** The console user of each language the screenshots are taken in (English at `dir`, others in `dir/<language>`). */
function demoLogins(sandbox: Sandbox): [Language, ConsoleLogin][] {
  return supportedLanguages.flatMap((language): [Language, ConsoleLogin][] => {
    const login = sandbox.logins.find((l) => pickLanguage(l.locale) === language);
    return login ? [[language, login]] : [];
  });
}

/** The whole flow in each language the scenario has a console user for; returns the files written. */
export async function runDemoFlow(ext: ExtensionBrowser, sandbox: Sandbox, dir: string, options: DemoFlowOptions = {}): Promise<string[]> {
  const written: string[] = [];
  for (const [language, login] of demoLogins(sandbox)) {
    await resetSandbox(sandbox);
    written.push(...(await runInLanguage(ext, sandbox, language === 'en' ? dir : path.join(dir, language), language, login, options)));
  }
  return written;
}

async function runInLanguage(
  ext: ExtensionBrowser,
  sandbox: Sandbox,
  dir: string,
  language: Language,
  login: ConsoleLogin,
  options: DemoFlowOptions,
): Promise<string[]> {
  const t = createTranslator(language);
  mkdirSync(dir, {recursive: true});
  const written: string[] = [];
  const page = await ext.browser.newPage();
  await page.setViewport({width: 1280, height: 1000, deviceScaleFactor: 1});
  await logIn(page, sandbox.consoleUrl, login.user, login.password);
  // No blinking text caret in the pictures (inherited into the tab's shadow tree; set through the CSSOM, which the
  // console's CSP allows).
  await page.evaluate(`document.documentElement.style.setProperty('caret-color', 'transparent', 'important')`);
  await settled(page);
  await page.screenshot({path: path.join(dir, '01-users-view.png')});
  written.push(path.join(dir, '01-users-view.png'));

  await openEnterpriseDialog(page, KEYNODE.name);
  await openBillingTab(page);
  await waitForTabText(page, t('tab_setup_heading'));
  await shoot(page, dir, '02-billing-tab', written);

  await typeKeys(page, PRICING_KEY);
  await waitForSectionText(page, 'pricing', `user/abiquo-billing-user`);
  await shoot(page, dir, '03-pricing-identity', written, 'boa-pricing-credentials');

  await typeBucket(page, BILLING_BUCKET);
  await waitForTabText(page, `${REPORT_PREFIX}/${REPORT_NAME}`);
  await shoot(page, dir, '04-reports-discovered', written, 'boa-cur-report');

  await pickReport(page, `${REPORT_PREFIX}/${REPORT_NAME}`);
  await waitForTabText(page, /amazon_billing_compress_format/);
  await shoot(page, dir, '05-checks-and-diff', written, 'boa-properties-diff');

  if (options.clock) {
    await pinContentClock(ext, sandbox.origin, options.clock);
    await page.bringToFront(); // Firefox reached its background through a tab of its own, in front of this one
  }
  await clickApply(page);
  await waitForSectionText(page, 'diff', t('tab_apply_next'));
  // After a save the focus moves (and scrolls the dialog): shoot() waits for that to settle before scrolling.
  await shoot(page, dir, '06-applied', written, 'boa-properties-diff');

  // The linked enterprise listed without keys gets them from its own row.
  const [linked] = LINKED_KEYS;
  await clickWhenStill(await waitForDeep(page, 'boa-billing-tab >>> boa-linked-accounts >>> td button'));
  await typeKeys(page, linked, 'linked');
  await waitForSectionText(page, 'linked', 'user/abiquo-billing-user-public');
  await clickAddAccount(page);
  await waitForSectionText(page, 'linked', t('tab_linked_reused', {name: LINKED_NAME}));
  await shoot(page, dir, '07-linked-account', written, 'boa-linked-accounts');

  // The pricing keys left the tab when they were saved: pasted again, they read the report for the preview.
  await typeKeys(page, PRICING_KEY);
  await waitForSectionText(page, 'preview', t('preview_start'));
  await readPreview(await startPreview(page));
  // Shown whole once the frame has taken its content's height (it reports it when laid out, i.e. in view).
  const frame = await waitForDeep(page, 'boa-billing-tab >>> boa-preview-launcher >>> iframe');
  await frame.evaluate((f) => f.scrollIntoView({block: 'center'}));
  await page.waitForFunction((f) => (f as HTMLIFrameElement).style.height.endsWith('px') && f.getBoundingClientRect().height > 300, {}, frame);
  await shoot(page, dir, '08-billing-preview', written, 'boa-preview-launcher');
  await page.close();
  return written;
}
