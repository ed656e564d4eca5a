/**
 * Renders the simulated console in Chromium and saves what the extension's selectors are tested against:
 * the Users view and the enterprise-edit modal (General tab active), in English and Spanish, under
 * test/fixtures/console/. Also walks the dialog like a user (tabs, Save), so it doubles as a smoke check.
 * Run: npx tsx sandbox/console/save-fixtures.ts
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import type {Page} from 'puppeteer-core';
import {startSandbox} from '../server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'test/fixtures/console');
const KEYNODE = 'Acme Customer Billing';

async function login(page: Page, consoleUrl: string, user: string, password: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.waitForSelector('.login-form');
  await page.type('#login-username', user);
  await page.type('#login-password', password);
  await page.click('.login-form button[type=submit]');
  await page.waitForSelector('.enterprises-container .edit-enterprise');
}

async function openKeynode(page: Page): Promise<void> {
  const rows = await page.$$('.enterprise-row');
  for (const row of rows) {
    if ((await row.$eval('.enterprise-name', (n) => n.textContent)) === KEYNODE) await (await row.$('.edit-enterprise'))?.click();
  }
  await page.waitForSelector('.modal.modal-form');
}

const main = async () => {
  const sandbox = await startSandbox({scenario: 'happy-path'});
  const browser = await puppeteer.launch({executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox']});
  // Fixtures must not depend on the port of this run.
  const stable = (html: string) => html.replaceAll(sandbox.origin, 'https://abiquo.example.com');
  try {
    await mkdir(out, {recursive: true});
    for (const [lang, user, password] of [['en', 'admin', 'admin-demo'], ['es', 'administrador', 'admin-demo-es']] as const) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await login(page, sandbox.consoleUrl, user, password);
      await writeFile(path.join(out, `users-view.${lang}.html`), `${stable(await page.$eval('.enterprises-container', (n) => n.outerHTML))}\n`);
      await openKeynode(page);
      await writeFile(path.join(out, `enterprise-modal.${lang}.html`), `${stable(await page.$eval('.modal.modal-form', (n) => n.outerHTML))}\n`);
      // Walk it like a user: every tab, then the dialog's own Save.
      for (const pane of ['#enterprise-credentials', '#enterprise-properties', '#enterprise-general']) {
        await page.click(`.enterprise-tabs > .nav-tabs a[href="${pane}"]`);
        await page.waitForSelector(`${pane}.active`);
      }
      await page.click('.modal-footer .save');
      await page.waitForSelector('.modal.modal-form', {hidden: true});
      await context.close();
    }
    console.log(`Saved console fixtures in ${path.relative(root, out)}`);
  } finally {
    await browser.close();
    await sandbox.close();
  }
};

await main();
