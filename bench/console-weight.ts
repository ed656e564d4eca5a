/**
 * The extension's weight on the console page (targets: docs/benchmarks.md): content-script size and whether it holds
 * AWS SDK code; time from the edit dialog's insertion to the tab's mount and to its UI; long tasks (> 50 ms) on the console page
 * with the extension enabled, next to the same flow on a console it is not enabled on.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {sizeOf} from '../vite.config.ts';
import type {Page} from 'puppeteer-core';
import {startSandbox} from '../sandbox/server.ts';
import {enableConsoleOrigin, launchWithExtension} from '../sandbox/drive/browser.ts';
import {cancelEnterpriseDialog, logIn, openEnterpriseDialog} from '../sandbox/drive/console-driver.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface ContentScriptFigure {
  readonly minifiedKb: number;
  readonly gzipKb: number;
  readonly holdsAwsSdk: boolean;
}

/** `content.js` (on every console page) or `tab-ui.js` (injected when the tab is wanted), Chrome's build. */
export function contentScriptFigure(name: 'content' | 'tab-ui'): ContentScriptFigure {
  const file = path.join(root, `dist/chrome/${name}.js`);
  const {minified, gzipped} = sizeOf(file);
  return {
    minifiedKb: minified / 1024,
    gzipKb: gzipped / 1024,
    holdsAwsSdk: /@aws-sdk|SignatureV4|x-amz-content-sha256/i.test(readFileSync(file, 'utf8')),
  };
}

export interface ConsoleFigure {
  /** Dialog → the tab in its strip (the light content script mounts it at once). */
  readonly mountMs: readonly number[];
  /** Dialog → the tab's UI in its pane (loaded on the first opening after a page load, at once later). */
  readonly filledMs: readonly number[];
  readonly longTasksWith: readonly number[];
  readonly longTasksWithout: readonly number[];
}

// Page-world observers, as strings (tsx would wrap inner functions in a helper the page lacks).
const observeLongTasks = `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({type: 'longtask', buffered: true});`;
const armMountTimer = `window.__mount = new Promise((resolve) => {
  let dialogAt;
  let mounted;
  const observer = new MutationObserver(() => {
    if (dialogAt === undefined && document.querySelector('.modal.enterprise-modal')) dialogAt = performance.now();
    if (dialogAt === undefined) return;
    if (mounted === undefined && document.querySelector('.modal li[data-boa-mounted]')) mounted = performance.now() - dialogAt;
    if (mounted !== undefined && document.querySelector('.modal .tab-pane[data-boa-mounted] > boa-billing-tab')) { observer.disconnect(); resolve([mounted, performance.now() - dialogAt]); }
  });
  observer.observe(document.body, {childList: true, subtree: true});
});
undefined; // evaluate() must not wait for the promise`;

async function openAndCloseDialogs(page: Page, rounds: number, measureMount: boolean): Promise<[number, number][]> {
  const mounts: [number, number][] = [];
  for (let i = 0; i < rounds; i++) {
    if (measureMount) await page.evaluate(armMountTimer);
    await openEnterpriseDialog(page, 'Acme Customer Billing');
    if (measureMount) mounts.push((await page.evaluate('window.__mount')) as [number, number]);
    await cancelEnterpriseDialog(page);
  }
  return mounts;
}

export async function benchConsole(rounds = 10): Promise<ConsoleFigure> {
  const sandbox = await startSandbox({scenario: 'happy-path'});
  const ext = await launchWithExtension({endpoints: {s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl}});
  try {
    // Without: the console is served on localhost, which the operator never enabled.
    const without = await ext.browser.newPage();
    await without.evaluateOnNewDocument(observeLongTasks);
    await logIn(without, sandbox.consoleUrl.replace('127.0.0.1', 'localhost'), sandbox.login.user, sandbox.login.password);
    await openAndCloseDialogs(without, rounds, false);
    const longTasksWithout = (await without.evaluate('window.__longTasks')) as number[];
    await without.close();

    await enableConsoleOrigin(ext, sandbox.origin);
    const page = await ext.browser.newPage();
    await page.evaluateOnNewDocument(observeLongTasks);
    await logIn(page, sandbox.consoleUrl, sandbox.login.user, sandbox.login.password);
    const mounts = await openAndCloseDialogs(page, rounds, true);
    const longTasksWith = (await page.evaluate('window.__longTasks')) as number[];
    return {mountMs: mounts.map(([mounted]) => mounted), filledMs: mounts.map(([, filled]) => filled), longTasksWith, longTasksWithout};
  } finally {
    await ext.close();
    await sandbox.close();
  }
}
