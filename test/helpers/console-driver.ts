/**
 * Drives the simulated Abiquo console as an operator would: log in, open the Users view, edit an enterprise,
 * open the Billing-only AWS tab. Selectors here are the simulated console's, not the extension's adapter.
 */
import type {ElementHandle, Page} from 'puppeteer-core';

export async function logIn(page: Page, consoleUrl: string, user: string, password: string): Promise<void> {
  await page.goto(`${consoleUrl}#/enterprises`);
  await page.waitForSelector('#login-username');
  await page.type('#login-username', user);
  await page.type('#login-password', password);
  await page.click('.login-form button[type="submit"]');
  await page.waitForSelector('.enterprise-list .edit-enterprise');
}

export async function openEnterpriseDialog(page: Page, name: string): Promise<void> {
  const rows = await page.$$('.enterprise-row');
  for (const row of rows) {
    const rowName = await row.$eval('.enterprise-name', (e) => e.textContent?.trim()).catch(() => undefined);
    if (rowName === name) {
      await (await row.$('.edit-enterprise'))!.click();
      await page.waitForSelector('.modal.enterprise-modal');
      return;
    }
  }
  throw new Error(`no enterprise row named ${name}`);
}

/** Waits for our tab in the dialog's tab strip, clicks it, and returns the mounted `<boa-billing-tab>`. */
export async function openBillingTab(page: Page): Promise<ElementHandle<Element>> {
  const link = await page.waitForSelector('.modal li[data-boa-mounted] > a', {timeout: 10_000});
  await link!.click();
  return (await page.waitForSelector('.modal boa-billing-tab'))!;
}

/**
 * The visible text of the tab, shadow roots included (what the operator reads). Written as a string: tsx
 * would otherwise wrap inner functions in a `__name` helper that does not exist in the page.
 */
const collectTabText = `(() => {
  const collect = (node) => {
    if (node instanceof Element && node.shadowRoot) return collect(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    return [...node.childNodes].map(collect).join(' ');
  };
  const tab = document.querySelector('boa-billing-tab');
  return tab ? collect(tab).replace(/\\s+/g, ' ').trim() : '';
})()`;

export async function tabText(page: Page): Promise<string> {
  return page.evaluate(collectTabText) as Promise<string>;
}

export async function waitForTabText(page: Page, expected: string | RegExp, timeout = 15_000): Promise<string> {
  const started = Date.now();
  let text = '';
  while (Date.now() - started < timeout) {
    text = await tabText(page);
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`tab text never matched ${expected}; last text: ${text.slice(0, 600)}`);
}
