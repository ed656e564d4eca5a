/**
 * Launches Debian's Chromium or Firefox ESR with an unpacked build of the extension (puppeteer-core; nothing is
 * downloaded) and gives back one handle whatever the browser: pages, an extension context to evaluate in, close.
 */
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import puppeteer, {type Browser, type Page, type WebWorker} from 'puppeteer-core';
import {browserPath, type BrowserName} from '../../scripts/ensure-browsers.ts';

export type {BrowserName} from '../../scripts/ensure-browsers.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The browsers the e2e suite runs in: both, unless `BOA_BROWSERS=chromium` (or `firefox`) narrows it. */
export const e2eBrowsers: readonly BrowserName[] = (process.env.BOA_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

/** Firefox: the gecko id of manifest/firefox.json, and a fixed internal UUID so extension URLs are known. */
const GECKO_ID = 'billing-only-aws@abiquo-tools.example';
const FIREFOX_UUID = 'b0a5e2e0-0000-4000-8000-00000000b0a5';

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  readonly extensionDir: string;
  /**
   * Evaluates an expression in the extension's background, with its `chrome.*` APIs: the service worker in
   * Chromium; in Firefox the event page, reached from an extension page (it is not reachable over WebDriver BiDi).
   */
  evaluate(expression: string): Promise<unknown>;
  /** Opens one of the extension's own pages (`options.html`…) in a new tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** Stops the background as Firefox does when it is idle (about:debugging's "Terminate"); Firefox only. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly browser?: BrowserName;
  /** A folder of dist/ (default: the sandbox flavour of the browser). */
  readonly build?: string;
  readonly endpoints?: {s3: string; sts: string; cur: string};
  /** `false` opens a window (npm start with a display). */
  readonly headless?: boolean;
  /**
   * A window for a person (npm start with a display): the page fills the window instead of puppeteer's 800×600
   * viewport, Chromium starts maximized without the "controlled by automated test software" bar. The tests
   * leave it off.
   */
  readonly personWindow?: boolean;
  /** The X display a window opens on (`:N`), instead of the environment's. */
  readonly display?: string;
  /** Firefox only: more preferences (e.g. how soon the event page is suspended when idle). */
  readonly firefoxPrefs?: Record<string, string | number | boolean>;
  readonly locale?: string;
}

/**
 * The build is copied so the sandbox's endpoints file is written per run: `endpoints` (a sandbox on free ports)
 * then wins over the default ports the sandbox build is pointed at (`npm run sandbox`'s, see sandbox/server.ts).
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const name = options.browser ?? 'chromium';
  const work = mkdtempSync(path.join(tmpdir(), `boa-${name}-`));
  const extensionDir = path.join(work, 'extension');
  cpSync(path.join(root, 'dist', options.build ?? (name === 'firefox' ? 'sandbox-firefox' : 'sandbox-chrome')), extensionDir, {recursive: true});
  if (options.endpoints) writeFileSync(path.join(extensionDir, 'sandbox-endpoints.json'), JSON.stringify(options.endpoints));
  const cleanUp = () => rmSync(work, {recursive: true, force: true});
  return name === 'firefox' ? launchFirefox(work, extensionDir, options, cleanUp) : launchChromium(work, extensionDir, options, cleanUp);
}

async function launchChromium(work: string, extensionDir: string, options: LaunchOptions, cleanUp: () => void): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: options.headless ?? true,
    pipe: true,
    ...(options.display ? {env: {...process.env, DISPLAY: options.display}} : {}),
    userDataDir: path.join(work, 'profile'),
    // A person's window: no automation infobar, and `--test-type` keeps Chromium from warning about --no-sandbox.
    ignoreDefaultArgs: ['--disable-extensions', ...(options.personWindow ? ['--enable-automation'] : [])],
    ...(options.personWindow ? {defaultViewport: null} : {}),
    args: [
      '--no-sandbox',
      ...(options.personWindow ? ['--start-maximized', '--test-type'] : []),
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const worker = await attachWorker(browser);
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    name: 'chromium',
    browser,
    extensionOrigin,
    extensionDir,
    evaluate: (expression) => worker.evaluate(expression),
    async openExtensionPage(file) {
      const page = await browser.newPage();
      await page.goto(`${extensionOrigin}/${file}`);
      return page;
    },
    async stopBackground() {
      // Measured: CDP's ServiceWorker.stopAllWorkers left a check's port open and waiting, which is not what an
      // operator meets (Chrome keeps a worker with an active port alive). No faithful way is known here.
      throw new Error('stopping the service worker mid-task is not supported in Chromium');
    },
    async close() {
      await browser.close();
      cleanUp();
    },
  };
}

/**
 * Waits for the extension's service worker and until its bundle has evaluated: its listeners must be
 * registered before pages talk to it, and right after start-up the target can answer before `chrome` exists.
 */
async function attachWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), {timeout: 20_000});
  const worker = (await target.worker())!;
  await poll(
    () => worker.evaluate('typeof chrome === "object" && Boolean(chrome.runtime && chrome.runtime.id)').catch(() => false),
    'the extension service worker never finished starting',
  );
  return worker;
}

/**
 * Firefox ESR over WebDriver BiDi (docs/architecture.md, "Every e2e suite in both browsers"): the build is installed
 * as a temporary add-on, with a fixed internal UUID, optional permissions granted without the prompt (a prompt cannot
 * be answered headless), and the extension's console on stdout when `BOA_FIREFOX_CONSOLE` is set.
 */
async function launchFirefox(work: string, extensionDir: string, options: LaunchOptions, cleanUp: () => void): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: options.headless ?? true,
    userDataDir: path.join(work, 'profile'),
    ...(options.personWindow ? {defaultViewport: null} : {}),
    dumpio: Boolean(process.env.BOA_FIREFOX_CONSOLE),
    ...(options.display ? {env: {...process.env, DISPLAY: options.display}} : {}),
    args: ['--remote-allow-system-access', ...(options.locale ? ['--lang', options.locale] : [])],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({[GECKO_ID]: FIREFOX_UUID}),
      'extensions.webextOptionalPermissionPrompts': false,
      'devtools.console.stdout.content': Boolean(process.env.BOA_FIREFOX_CONSOLE),
      ...(options.locale ? {'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale} : {}),
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(extensionDir);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const openExtensionPage = async (file: string): Promise<Page> => {
    const page = await browser.newPage();
    // page.goto never settles on moz-extension:// URLs: navigate without waiting, then wait for the document.
    await (browser as unknown as BidiBrowser).connection.send('browsingContext.navigate', {
      context: frameContext(page),
      url: `${extensionOrigin}/${file}`,
      wait: 'none',
    });
    await poll(
      () =>
        page
          .evaluate(`location.href.startsWith(${JSON.stringify(extensionOrigin)}) && document.readyState === 'complete' && typeof chrome === 'object'`)
          .catch(() => false),
      `${file} never loaded`,
    );
    return page;
  };
  let context: Page | undefined;
  return {
    name: 'firefox',
    browser,
    extensionOrigin,
    extensionDir,
    async evaluate(expression) {
      context ??= await openExtensionPage('options.html');
      // `chrome` rebound to the event page's: its messages then come from the background, not from a tab.
      return context.evaluate(`chrome.runtime.getBackgroundPage().then((background) => ((chrome) => (${expression}))(background.chrome))`);
    },
    openExtensionPage,
    async stopBackground() {
      // In the browser's own (chrome) scope, what about:debugging's "Terminate background script" calls.
      const connection = (browser as unknown as BidiBrowser).connection;
      const tree = (await connection.send('browsingContext.getTree', {'moz:scope': 'chrome'})) as {result: {contexts: {context: string}[]}};
      await connection.send('script.evaluate', {
        target: {context: tree.result.contexts[0]!.context},
        awaitPromise: true,
        expression: `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)}).terminateBackground()`,
      });
    },
    async close() {
      await browser.close();
      cleanUp();
    },
  };
}

/** What puppeteer's Firefox (WebDriver BiDi) browser has beyond its public type. */
interface BidiBrowser {
  readonly connection: {send(method: string, params: object): Promise<unknown>};
}

/** The BiDi browsing-context id of a page's main frame. */
function frameContext(page: Page): string {
  return (page.mainFrame() as unknown as {_id: string})._id;
}

/** Polls a condition every 100 ms until it holds (a condition, never a fixed sleep). */
export async function poll(condition: () => Promise<unknown>, failure: string, timeout = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeout) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Enables a console origin the way an operator does: the options page, the URL, the button. */
export async function enableConsoleOrigin(ext: ExtensionBrowser, origin: string): Promise<string> {
  const page = await ext.openExtensionPage('options.html');
  await page.waitForSelector('input[name="origin"]');
  await page.type('input[name="origin"]', origin);
  await page.click('button[type="submit"]');
  // Both live regions are always there; wait until one of them speaks. (Polled from here: puppeteer's own
  // waitForFunction compiles code in the page, which the extension pages' CSP blocks in Firefox 140.)
  let text = '';
  await poll(
    async () =>
      (text = (await page.evaluate(
        '[...document.querySelectorAll(\'[role="status"], [role="alert"]\')].map((e) => e.textContent.trim()).join(" ").trim()',
      )) as string),
    'the options page never answered',
  );
  await page.close();
  return text;
}

/** Whether our content script ran in this page (it marks the document once). */
export async function contentScriptLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.hasAttribute('data-boa-loaded'));
}

/**
 * Whether `text` is anywhere in the page a script could read: markup and attributes (shadow roots included),
 * the values of form fields, `localStorage`, `sessionStorage` and cookies. A string, not a function: tsx would
 * wrap inner functions in a helper the page lacks.
 */
export async function pageHolds(page: Page, text: string): Promise<boolean> {
  return (await page.evaluate(`(() => {
    const parts = [document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        parts.push(element.outerHTML);
        if ('value' in element) parts.push(String(element.value));
        if (element.shadowRoot) { parts.push(element.shadowRoot.innerHTML); visit(element.shadowRoot); }
      }
    };
    visit(document);
    return parts.some((part) => part.includes(${JSON.stringify(text)}));
  })()`)) as boolean;
}

/** Whether `text` is in any of the extension's storage areas (local, session, sync where the browser has it). */
export async function extensionStorageHolds(ext: ExtensionBrowser, text: string): Promise<boolean> {
  const dump = (await ext.evaluate(
    'Promise.all([chrome.storage.local.get(null), chrome.storage.session.get(null), chrome.storage.sync.get(null).catch(() => ({}))]).then((areas) => JSON.stringify(areas))',
  )) as string;
  return dump.includes(text);
}
