/**
 * Launches Debian's Chromium with an unpacked build of the extension (puppeteer-core; nothing is downloaded),
 * waits until the service worker has evaluated, and gives back its id and worker.
 */
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import puppeteer, {type Browser, type Page, type WebWorker} from 'puppeteer-core';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '../..');

export interface ExtensionBrowser {
  readonly browser: Browser;
  readonly extensionId: string;
  readonly worker: WebWorker;
  readonly extensionDir: string;
  close(): Promise<void>;
}

/**
 * `build` is a folder of dist/ (default: the sandbox flavour). The build is copied so the sandbox's
 * endpoints file is written per run; `headless: false` opens a window (npm start with a display).
 */
export async function launchWithExtension(options: {build?: string; endpoints?: {s3: string; sts: string; cur: string}; headless?: boolean; locale?: string} = {}): Promise<ExtensionBrowser> {
  const work = mkdtempSync(path.join(tmpdir(), 'boa-chromium-'));
  const extensionDir = path.join(work, 'extension');
  cpSync(path.join(root, 'dist', options.build ?? 'sandbox-chrome'), extensionDir, {recursive: true});
  if (options.endpoints) writeFileSync(path.join(extensionDir, 'sandbox-endpoints.json'), JSON.stringify(options.endpoints));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    pipe: true,
    userDataDir: path.join(work, 'profile'),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
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
  const extensionId = new URL(worker.url()).host;
  return {
    browser,
    extensionId,
    worker,
    extensionDir,
    async close() {
      await browser.close();
      rmSync(work, {recursive: true, force: true});
    },
  };
}

/**
 * Waits for the extension's service worker and until its bundle has evaluated: its
 * listeners must be registered before pages talk to it, and right after start-up the target can answer before
 * `chrome` exists in it.
 */
async function attachWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), {timeout: 20_000});
  const worker = (await target.worker())!;
  for (let tries = 0; ; tries++) {
    const ready = await worker.evaluate('typeof chrome === "object" && Boolean(chrome.runtime && chrome.runtime.id)').catch(() => false);
    if (ready) return worker;
    if (tries > 100) throw new Error('the extension service worker never finished starting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Enables a console origin the way an operator does: the options page, the URL, the button. */
export async function enableConsoleOrigin(ext: ExtensionBrowser, origin: string): Promise<string> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForSelector('input[name="origin"]');
  await page.type('input[name="origin"]', origin);
  await page.click('button[type="submit"]');
  // Both live regions are always there; wait until one of them speaks.
  const answer = await page.waitForFunction('[...document.querySelectorAll(\'[role="status"], [role="alert"]\')].map((e) => e.textContent.trim()).join(" ").trim() || false');
  const text = (await answer.jsonValue()) as string;
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

/** Whether `text` is in any of the extension's storage areas (local, session, sync). */
export async function extensionStorageHolds(ext: ExtensionBrowser, text: string): Promise<boolean> {
  const dump = (await ext.worker.evaluate(
    'Promise.all([chrome.storage.local.get(null), chrome.storage.session.get(null), chrome.storage.sync.get(null)]).then((areas) => JSON.stringify(areas))',
  )) as string;
  return dump.includes(text);
}
