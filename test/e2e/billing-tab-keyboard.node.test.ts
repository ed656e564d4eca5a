/**
 * The operator's whole path with the keyboard only, in English and in Spanish: log in, reach the keynode's edit
 * button, open the Billing-only AWS tab, type the pricing keys and the bucket, and Apply, moving with Tab and
 * acting with Enter, never a click. At each step the tab is measured (each section fits what the dialog shows at
 * once; after Apply the whole tab is at most twice that), the facts it repeats are counted, and axe audits it.
 * In Firefox the keys come from a real X keyboard on a private Xvfb display: WebDriver BiDi's synthesized Enter
 * fires no click on a button after Enter on a dialog's tab link, which an X keyboard does not reproduce
 * (measured: `docs/console-compatibility.md`, "Firefox keyboard automation").
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET, BILLING_REGION, PRICING_KEY, REPORT_NAME} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {createTranslator} from '../../src/shared/i18n.ts';
import {axeViolations} from '../helpers/axe.ts';
import type {ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {tabTo, waitForDeep, waitForSectionText, waitForTabText} from '../../sandbox/drive/console-driver.ts';
import {protocolKeyboard, startXvfb, x11Keyboard, type Display, type Keyboard} from '../../sandbox/drive/real-keyboard.ts';
import {readBackdoorState, resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';
import {measureTab, type TabMeasure} from '../../sandbox/drive/tab-measure.ts';

const FACTS = {'report name': REPORT_NAME, region: BILLING_REGION, bucket: BILLING_BUCKET};
const LOGINS = {en: {user: 'admin', password: 'admin-demo'}, es: {user: 'administrador', password: 'admin-demo-es'}} as const;
/** The text before a message's first placeholder: enough to wait for it in either language. */
const lead = (text: string) => text.split('$')[0]!.trim();

describeInBrowsers('the Billing-only AWS tab with the keyboard only', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let display: Display | undefined;

  before(async () => {
    if (browser === 'firefox') display = await startXvfb();
    ({sandbox, ext} = await startWorld('happy-path', {browser, display: display?.name}));
  });
  after(async () => {
    await stopWorld({sandbox, ext});
    display?.stop();
  });

  for (const language of ['en', 'es'] as const) {
    it(
      `goes from login to applied properties with Tab, typing and Enter, short, repeating nothing and axe-clean (${language})`,
      {timeout: 150_000},
      async () => {
        await resetSandbox(sandbox);
        const t = createTranslator(language);
        const page: Page = await ext.browser.newPage();
        const keyboard: Keyboard = display ? x11Keyboard(display, 'firefox') : protocolKeyboard(page);
        const steps: [string, TabMeasure][] = [];
        const step = async (name: string) => {
          steps.push([name, await measureTab(page, FACTS)]);
          assert.deepEqual(await axeViolations(page), [], `axe, ${name}`);
        };

        // The English run's session is shared by the browser's cookies: start from the login form.
        await page.deleteCookie(...(await page.cookies(sandbox.consoleUrl)));
        await page.goto(`${sandbox.consoleUrl}#/enterprises`);
        await page.waitForSelector('#login-username');
        await tabTo(page, /^input#login-username/, keyboard);
        await keyboard.type(LOGINS[language].user);
        await keyboard.press('Tab');
        await keyboard.type(LOGINS[language].password);
        await keyboard.press('Enter');
        await page.waitForSelector('.enterprise-list .edit-enterprise');

        await tabTo(page, new RegExp(`^button .+ ${KEYNODE.name}$`), keyboard);
        await keyboard.press('Enter');
        await page.waitForSelector('.modal.enterprise-modal');
        await waitForDeep(page, '.modal li[data-boa-mounted] > a');
        await tabTo(page, new RegExp(`^a ${t('tab_title')}$`), keyboard);
        await keyboard.press('Enter');
        await waitForTabText(page, t('tab_pricing_heading'));
        await waitForSectionText(page, 'saved', lead(t('tab_saved_none', {name: KEYNODE.name})));
        await step('tab opened');

        await tabTo(page, /^input#key-id\[key-id\]/, keyboard);
        await keyboard.type(PRICING_KEY.accessKeyId);
        await keyboard.press('Tab');
        await keyboard.type(PRICING_KEY.secretAccessKey);
        await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user');
        // Checked is not saved: the line that leads the tab says so.
        await waitForSectionText(page, 'saved', t('tab_unsaved_line', {unsaved: [t('tab_unsaved_pricing')]}));
        await step('pricing keys checked');

        await tabTo(page, /^input#bucket/, keyboard);
        await keyboard.type(BILLING_BUCKET);
        await waitForSectionText(page, 'diff', lead(t('tab_diff_untouched')));
        await step('report checked, diff shown');

        await tabTo(page, new RegExp(`^button ${t('tab_apply')}$`), keyboard);
        await keyboard.press('Enter');
        await waitForSectionText(page, 'diff', t('tab_apply_next'));
        await waitForSectionText(
          page,
          'saved',
          t('tab_saved_line', {name: KEYNODE.name, saved: [t('tab_saved_pricing'), t('tab_saved_properties_all', {count: 6})]}).slice(0, -1),
        );
        await step('after Apply');
        assert.equal((await readBackdoorState(sandbox, KEYNODE.id)).properties.amazon_bucket, BILLING_BUCKET);

        const report = steps
          .map(([name, m]) => `${name}: ${m.tabPx} px of ${m.visiblePx} visible, ${JSON.stringify(m.sectionsPx)}, said ${JSON.stringify(m.repeats)}`)
          .join('\n');
        for (const [name, m] of steps) {
          for (const [section, px] of Object.entries(m.sectionsPx))
            assert.ok(px <= m.visiblePx, `${name}: ${section} is ${px} px, taller than the dialog shows\n${report}`);
          for (const [fact, count] of Object.entries(m.repeats)) assert.ok(count <= 2, `${name}: the ${fact} is said ${count} times\n${report}`);
        }
        const [, applied] = steps.at(-1)!;
        assert.ok(applied.tabPx <= 2 * applied.visiblePx, `after Apply the tab is ${applied.tabPx} px, more than twice ${applied.visiblePx}\n${report}`);
        for (const [fact, count] of Object.entries(applied.repeats)) assert.ok(count <= 1, `after Apply the ${fact} is said ${count} times\n${report}`);
        await page.close();
      },
    );
  }
});
