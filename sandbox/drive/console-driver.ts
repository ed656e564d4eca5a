/**
 * Drives the simulated Abiquo console as an operator would: log in, open the Users view, edit an enterprise,
 * open the Billing-only AWS tab. Selectors here are the simulated console's, not the extension's adapter.
 */
import type {ElementHandle, Frame, Page} from 'puppeteer-core';
import {accessKeysCsv} from '../aws/access-keys-csv.ts';
import {BILLING_BUCKET, PRICING_KEY} from '../aws/demo-keys.ts';
import {KEYNODE} from './world.ts';
import {protocolKeyboard, type Keyboard} from './real-keyboard.ts';

export async function logIn(page: Page, consoleUrl: string, user: string, password: string): Promise<void> {
  // Another page may have left a session (the browser shares cookies): start from the login form.
  await page.deleteCookie(...(await page.cookies(consoleUrl)));
  // Already on the console, a goto that changes only the hash would not load the page again.
  if (page.url().startsWith(consoleUrl)) await page.goto('about:blank');
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

/** The visible text under an element, shadow roots included (what the operator reads), whitespace collapsed. */
async function visibleText(element: ElementHandle<Element>): Promise<string> {
  // Iterative on purpose: tsx would wrap a named inner function in a `__name` helper the page does not have.
  return element.evaluate((root) => {
    const parts: string[] = [];
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      else if (!(node instanceof Element && !node.checkVisibility()))
        stack.push(...[...(node instanceof Element && node.shadowRoot ? node.shadowRoot : node).childNodes].reverse());
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** The visible text of the whole tab. */
export async function tabText(page: Page): Promise<string> {
  const tab = await page.$('boa-billing-tab');
  return tab ? visibleText(tab) : '';
}

/** The visible text of one section of the tab (its component). */
export async function sectionText(page: Page, section: Section): Promise<string> {
  const element = await page.$(`boa-billing-tab >>> ${sectionElements[section]}`);
  return element ? visibleText(element) : '';
}

const sectionElements = {
  saved: 'boa-saved-line',
  status: 'boa-setup-status',
  pricing: 'boa-pricing-credentials',
  report: 'boa-cur-report',
  diff: 'boa-properties-diff',
  linked: 'boa-linked-accounts',
  preview: 'boa-preview-launcher',
} as const;

type Section = keyof typeof sectionElements;

async function waitForText(read: () => Promise<string>, expected: string | RegExp, timeout: number): Promise<string> {
  const started = Date.now();
  let text = '';
  while (Date.now() - started < timeout) {
    text = await read();
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`text never matched ${expected}; last text: ${text.slice(0, 1500)}`);
}

export function waitForTabText(page: Page, expected: string | RegExp, timeout = 15_000): Promise<string> {
  return waitForText(() => tabText(page), expected, timeout);
}

export function waitForSectionText(page: Page, section: Section, expected: string | RegExp, timeout = 15_000): Promise<string> {
  return waitForText(() => sectionText(page, section), expected, timeout);
}

/**
 * Waits for an element inside the tab's shadow roots. Puppeteer's own waits re-check on DOM mutations of the
 * document, which changes inside shadow roots do not trigger, so this polls.
 */
export async function waitForDeep(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const element = await page.$(selector);
    if (element) return element;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no element ${selector} after ${timeout} ms; tab text: ${(await tabText(page)).slice(0, 1500)}`);
}

/** Logs in, opens the enterprise's edit dialog and its Billing-only AWS tab, and waits until it has loaded. */
export async function openTabOf(
  page: Page,
  consoleUrl: string,
  login: {user: string; password: string},
  enterprise: string,
  loaded: string | RegExp,
): Promise<void> {
  await logIn(page, consoleUrl, login.user, login.password);
  await openEnterpriseDialog(page, enterprise);
  await openBillingTab(page);
  await waitForTabText(page, loaded);
}

/**
 * Logs in, opens the keynode's tab, types the pricing keys and the bucket, and waits until every check passed
 * and the diff offers Apply.
 */
export async function readyToApply(page: Page, consoleUrl: string, options: {login?: {user: string; password: string}; bucket?: string} = {}): Promise<void> {
  await openTabOf(page, consoleUrl, options.login ?? {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Pricing credentials/);
  await typeKeys(page, PRICING_KEY);
  await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
  await typeBucket(page, options.bucket ?? BILLING_BUCKET);
  await waitForSectionText(page, 'diff', /Other properties left as they are/);
}

/** Closes the edit dialog without saving (the console's own Cancel). */
export async function cancelEnterpriseDialog(page: Page): Promise<void> {
  await page.click('.modal .modal-footer .cancel');
  await page.waitForSelector('.modal.enterprise-modal', {hidden: true});
}

/** The console's own Save of the edit dialog; resolves once the dialog has closed. */
export async function saveEnterpriseDialog(page: Page): Promise<void> {
  await page.click('.modal .modal-footer .save');
  await page.waitForSelector('.modal.enterprise-modal', {hidden: true});
}

/** Which keys form of the tab: the keynode's pricing credentials, or a new linked account's public ones. */
export type KeysSection = 'pricing' | 'linked';

/**
 * Where the section's access key form is: the key-entry frame (an extension page embedded in the tab) and the
 * selector of its form there. A tab that put the form in the page itself is driven too, so that the secret
 * isolation test can show what would leak (`secret-isolation.node.test.ts`).
 */
export async function keysForm(page: Page, section: KeysSection = 'pricing'): Promise<{root: Frame | Page; form: string}> {
  const owner = `boa-billing-tab >>> ${section === 'pricing' ? 'boa-pricing-credentials' : 'boa-linked-accounts'}`;
  const host = `${owner} >>> boa-keys-entry`;
  // Keys typed into a frame reach it only while its tab is the selected one (Firefox: an extension page opened
  // by the test since, e.g. to evaluate in the background, would otherwise take them).
  await page.bringToFront();
  await waitForDeep(page, host);
  await openFolded(page, owner);
  const element = await page.$(`${host} iframe`);
  // In view, as the operator has it to type: Chrome does not lay out a cross-origin frame that is off screen, so
  // until then its form has no size to report.
  await element?.evaluate((frame) => frame.scrollIntoView({block: 'center'}));
  const frame = element ? await element.contentFrame() : null;
  const found = frame ? {root: frame, form: 'boa-keys-input'} : {root: page, form: `${host} boa-keys-input`};
  await found.root.waitForSelector(`${found.form} >>> input[name="key-id"], ${found.form} >>> button`);
  return found;
}

/**
 * Replaces a field's text by typing, the field focused first rather than clicked: a key frame above it shrinks when
 * its keys are accepted, and a click aimed before that lands on what moved under it (its "Change keys").
 */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const field = await waitForDeep(page, selector);
  await field.evaluate((input) => {
    (input as HTMLInputElement).focus();
    (input as HTMLInputElement).select();
  });
  await page.keyboard.type(text);
}

/** A finished step shows as one line: its form opens with the button beside it, as the operator would open it. */
async function openFolded(page: Page, owner: string): Promise<void> {
  const opener = await page.$(`${owner} >>> button.open-form`);
  if (opener && (await opener.isVisible())) await clickWhenStill(opener);
}

export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Types the key ID and the secret into their fields, as an operator copying them one by one. */
export async function typeKeys(page: Page, keys: Keys, section: KeysSection = 'pricing'): Promise<void> {
  const {root, form} = await keysForm(page, section);
  // Typed key by key into each field (a Locator's fill waits for checks Firefox 140 cannot run in an extension frame).
  for (const [name, value] of [
    ['key-id', keys.accessKeyId],
    ['secret', keys.secretAccessKey],
  ] as const) {
    const field = (await root.waitForSelector(`${form} >>> input[name="${name}"]`))!;
    await field.evaluate((input) => ((input as HTMLInputElement).value = ''));
    await field.type(value);
  }
}

/** Drops an `accessKeys.csv` file on the keys form: a `drop` event carrying a File built in the frame. */
export async function dropKeysCsv(page: Page, keys: Keys, section: KeysSection = 'pricing'): Promise<void> {
  const {root, form} = await keysForm(page, section);
  const zone = await root.waitForSelector(`${form} >>> .drop`);
  await zone!.evaluate((element, csv) => {
    const data = new DataTransfer();
    data.items.add(new File([csv], 'accessKeys.csv', {type: 'text/csv'}));
    element.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true, composed: true}));
    element.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true, composed: true}));
  }, accessKeysCsv(keys));
}

/** Types the bucket (a name, s3:// address, console URL or ARN) into the report section. */
export async function typeBucket(page: Page, text: string): Promise<void> {
  await openFolded(page, report);
  await typeInto(page, 'boa-billing-tab >>> boa-cur-report >>> input#bucket', text);
}

const report = 'boa-billing-tab >>> boa-cur-report';

/** Picks a discovered report by the path the tab shows for it (`prefix/report-name`). */
export async function pickReport(page: Page, path: string): Promise<void> {
  await waitForDeep(page, 'boa-billing-tab >>> boa-cur-report >>> input[name="report"]');
  const labels = await page.$$('boa-billing-tab >>> boa-cur-report >>> fieldset .choice label');
  for (const label of labels) {
    if ((await label.evaluate((e) => e.textContent?.trim())) === path) {
      await clickWhenStill(label);
      return;
    }
  }
  throw new Error(`no report ${path} to pick`);
}

/** Chooses blended (`amazon_mpa` dedicated) or unblended costs. */
export async function chooseCosts(page: Page, costs: 'blended' | 'unblended'): Promise<void> {
  await openFolded(page, report);
  await clickWhenStill(await waitForDeep(page, `boa-billing-tab >>> boa-cur-report >>> input#mpa-${costs}`));
}

const applyButton = 'boa-billing-tab >>> boa-properties-diff >>> .actions button.primary';

/**
 * Clicks with the mouse (the tab refuses synthetic clicks) once the element has stopped moving: the key-entry
 * frames above resize with their forms, and a click aimed before they settle lands elsewhere.
 */
export async function clickWhenStill(element: ElementHandle<Element>): Promise<void> {
  // Scrolled as the operator scrolls the dialog: the driver's own scrolling misses a button in a shadow root
  // below the dialog's fold (CDP's scroll-if-needed leaves it outside the viewport, and the click goes nowhere).
  await element.evaluate((e) => e.scrollIntoView({block: 'center'}));
  let before = '';
  await waitForText(
    async () => {
      const box = JSON.stringify(await element.boundingBox());
      const still = box === before && box !== 'null';
      before = box;
      return still ? 'still' : '';
    },
    'still',
    15_000,
  );
  await element.click();
}

/** Clicks Apply (or Restore, the same button after the console's Save lost the values) once it is enabled. */
export async function clickApply(page: Page): Promise<void> {
  await clickWhenStill(await waitForDeep(page, `${applyButton}:not([disabled])`));
}

export async function applyEnabled(page: Page): Promise<boolean> {
  const button = await page.$(applyButton);
  return button ? button.evaluate((b) => !(b as HTMLButtonElement).disabled) : false;
}

/** The diff as the operator reads it: property → [current, new] for each row. */
export async function readDiff(page: Page): Promise<Record<string, [string, string]>> {
  const rows = await page.$$('boa-billing-tab >>> boa-properties-diff >>> tbody tr');
  const entries = await Promise.all(rows.map((row) => row.evaluate((r) => [...r.children].map((cell) => cell.textContent?.trim() ?? ''))));
  return Object.fromEntries(entries.map(([key, current, next]) => [key, [current, next]]));
}

/** Fills the "Add account" form (name and keys) of the linked accounts section. */
export async function typeLinkedAccountName(page: Page, name: string): Promise<void> {
  await openFolded(page, 'boa-billing-tab >>> boa-linked-accounts');
  await typeInto(page, 'boa-billing-tab >>> boa-linked-accounts >>> input#name', name);
}

/** Ticks "Add these keys anyway", offered when Add account refused keys an operator may deliberately add. */
export async function tickAddAnyway(page: Page): Promise<void> {
  await clickWhenStill(await waitForDeep(page, 'boa-billing-tab >>> boa-linked-accounts >>> input#override'));
}

export async function clickAddAccount(page: Page): Promise<void> {
  await clickWhenStill(await waitForDeep(page, 'boa-billing-tab >>> boa-linked-accounts >>> form button[type="submit"]:not([disabled])'));
}

/**
 * The focused element, looked for through shadow roots and into frames (the key-entry frame), as
 * `tag#id[name] label-or-text` (what a keyboard user is on).
 */
export async function focusedElement(page: Page | Frame): Promise<string> {
  const handle = await page.evaluateHandle(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element;
  });
  const element = handle.asElement() as ElementHandle<Element> | null;
  const inner = element && (await element.evaluate((e) => e.tagName === 'IFRAME')) ? await element.contentFrame() : null;
  if (inner) return focusedElement(inner);
  if (!element) return '';
  return element.evaluate((e) => {
    const name = e.getAttribute('name');
    const label = e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 60) ?? '';
    return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${name ? `[${name}]` : ''} ${label}`.trim();
  });
}

/** Presses Tab until the focused element matches, as a keyboard-only operator does; fails if it is never reached. */
export async function tabTo(page: Page, target: RegExp, keyboard: Keyboard = protocolKeyboard(page), maxPresses = 80): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses <= maxPresses; presses++) {
    const focused = await focusedElement(page);
    if (target.test(focused)) return;
    seen.push(focused);
    await keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}; went through: ${seen.join(' | ')}`);
}

/** One line of the billing preview's table, as shown: the account, who is billed, the cost as formatted. */
export interface PreviewRow {
  readonly account: string;
  readonly kind: string;
  readonly billedTo: string;
  readonly cost: string;
}

/** Presses "Preview the billing" and returns the preview's frame, in view (Chrome lays out no off-screen frame). */
export async function startPreview(page: Page): Promise<Frame> {
  const launcher = 'boa-billing-tab >>> boa-preview-launcher';
  await clickWhenStill(await waitForDeep(page, `${launcher} >>> button.preview`));
  const element = await waitForDeep(page, `${launcher} >>> iframe`);
  await element.evaluate((frame) => frame.scrollIntoView({block: 'start'}));
  // The frame's first document is about:blank, then ours in another process (Chrome): its Frame changes then. (Firefox
  // over BiDi reports the frame's URL as about:blank throughout: the view is what tells.)
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    const frame = await element.contentFrame();
    if (frame && (await frame.$('boa-billing-preview').catch(() => null))) return frame;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the billing preview frame never showed its view');
}

/** Waits for the preview's outcome in its frame and reads its table (or throws with the message it shows). */
export async function readPreview(frame: Frame, timeout = 60_000): Promise<PreviewRow[]> {
  // Polled: puppeteer's own waits re-check on mutations of the document, not of a shadow root (see waitForDeep).
  const started = Date.now();
  let done = await frame.$('boa-billing-preview >>> table, boa-billing-preview >>> .failure');
  while (!done && Date.now() - started < timeout) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    done = await frame.$('boa-billing-preview >>> table, boa-billing-preview >>> .failure');
  }
  if (!done) throw new Error(`the preview showed no outcome in ${timeout} ms`);
  if ((await done.evaluate((e) => e.tagName)) !== 'TABLE') throw new Error(`the preview failed: ${await done.evaluate((e) => e.textContent)}`);
  return frame.$$eval('boa-billing-preview >>> tbody tr[data-account]', (rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
      return {account: row.getAttribute('data-account') ?? '', kind: row.getAttribute('data-kind') ?? '', billedTo: cells[1] ?? '', cost: cells[2] ?? ''};
    }),
  );
}

/**
 * Presses "Add account" in the preview's row of `account`. The frame's own document never scrolls: the dialog is
 * scrolled to bring the row into view first (a click outside the viewport lands nowhere).
 */
export async function addAccountFromPreview(page: Page, account: string): Promise<void> {
  const element = await waitForDeep(page, 'boa-billing-tab >>> boa-preview-launcher >>> iframe');
  const frame = (await element.contentFrame())!;
  const button = await frame.$(`boa-billing-preview >>> tr[data-account="${account}"] button.add-account`);
  if (!button) throw new Error(`no "Add account" for ${account} in the preview`);
  const top = await button.evaluate((b) => b.getBoundingClientRect().top);
  await element.evaluate((iframe, y) => {
    // The nearest ancestor that scrolls (across the tab's shadow root): the row's place brought to the window's middle.
    let box: Element | null = iframe.parentElement ?? ((iframe.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY)))
      box = box.parentElement ?? ((box.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    (box ?? document.scrollingElement)?.scrollBy(0, iframe.getBoundingClientRect().top + y - window.innerHeight / 2);
  }, top);
  await clickWhenStill(button);
}
