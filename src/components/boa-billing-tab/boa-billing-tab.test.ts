import {whereHeld} from '../../../test/helpers/where-held.ts';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {LitElement} from 'lit';
import {BUCKETS, OTHER_PROPERTIES, PRICING_KEYS, WRONG_SECRET_KEYS, fakeServices, type Fake} from '../../../test/helpers/fake-services.ts';
import {activeDeep, allAttributes, allMarkup, deep, paste, tabTo} from '../../../test/helpers/components.ts';
import {accessKeysCsv} from '../../../sandbox/aws/access-keys-csv.ts';
import type {BoaBillingTab} from './boa-billing-tab.ts';
import {SAVED} from '../../../sandbox/drive/saved-text.ts';

async function mount(fake: Fake): Promise<BoaBillingTab> {
  const el = await fixture<BoaBillingTab>(html`<boa-billing-tab .services=${fake.services} enterprise-id="7"></boa-billing-tab>`);
  await waitUntil(() => el.shadowRoot!.querySelector('boa-setup-status, boa-keynode-explanation, [role="alert"]'), 'tab never loaded');
  // The sections' key forms render a few updates later (their updateComplete waits for them).
  await Promise.all([...el.shadowRoot!.querySelectorAll<LitElement>('boa-pricing-credentials, boa-linked-accounts')].map((section) => section.updateComplete));
  return el;
}

const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');
const keysArea = (el: Element) => deep<HTMLTextAreaElement>(el, 'boa-pricing-credentials', 'boa-keys-input', '#paste');
const pricingText = (el: Element) => text(deep(el, 'boa-pricing-credentials'));
const report = (el: Element) => deep<LitElement>(el, 'boa-cur-report');
const diff = (el: Element) => deep<LitElement>(el, 'boa-properties-diff');
const applyButton = (el: Element) => deep<HTMLButtonElement>(el, 'boa-properties-diff', 'button.primary');
const checkCodes = (host: Element) => [...deep(host, 'boa-check-list').shadowRoot!.querySelectorAll('li')].map((li) => li.dataset.code);

async function typeBucket(el: BoaBillingTab, bucket: string) {
  const field = deep<HTMLInputElement>(el, 'boa-cur-report', '#bucket');
  field.value = bucket;
  field.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', bubbles: true}));
}

async function pasteGoodKeys(el: BoaBillingTab) {
  paste(keysArea(el), accessKeysCsv(PRICING_KEYS));
  await waitUntil(() => pricingText(el).includes('user/abiquo-billing-user in account 1234-5678-9012'), 'identity never shown');
}

async function verifiedReport(el: BoaBillingTab, bucket: string = BUCKETS.good) {
  await pasteGoodKeys(el);
  await typeBucket(el, bucket);
  await waitUntil(() => report(el).shadowRoot!.querySelector('input[name="report"]:not([disabled])'), 'no report to pick');
  deep<HTMLInputElement>(el, 'boa-cur-report', 'input[name="report"]').click();
  await waitUntil(() => checkCodes(report(el)).includes('DATA_DELIVERED'), 'report never verified');
  await waitUntil(() => diff(el).shadowRoot!.querySelector('table'), 'diff never shown');
}

/** Apply, then the console's own Save PUTs the properties it loaded before the tab wrote: the values are lost. */
async function applyThenLoseToConsoleSave(el: BoaBillingTab, fake: Fake) {
  await verifiedReport(el);
  applyButton(el).click();
  await waitUntil(() => SAVED.test(text(diff(el))));
  fake.abiquo.properties = {...OTHER_PROPERTIES};
  await el.consoleSaved();
  await waitUntil(() => text(diff(el)).includes("The console's Save removed the billing properties"));
}

describe('<boa-billing-tab>', () => {
  it('passes the accessibility audit', async () => {
    const el = await mount(fakeServices());
    await expect(el).to.be.accessible();
  });

  it('asks the diff for the next thing to give: the keys first, then the report once the keys are in', async () => {
    const el = await mount(fakeServices());
    expect(text(diff(el))).to.contain('Paste the pricing keys and pick a report above');
    await pasteGoodKeys(el);
    await waitUntil(() => text(diff(el)).includes("Type the report's bucket above"), 'still asks for the keys');
    expect(text(diff(el))).not.to.contain('Paste the pricing keys');
  });

  it("lets the operator pick the keynode when the dialog's enterprise is unknown, then loads it", async () => {
    const fake = fakeServices();
    const candidates = [
      {id: 3, name: 'Other Billing', keyNode: true, reseller: false},
      {id: 7, name: 'Acme Customer Billing', keyNode: true, reseller: false},
    ];
    const el = await fixture<BoaBillingTab>(
      html`<boa-billing-tab .services=${fake.services} .candidates=${candidates} .dialogName=${'Acme Customer Billing'}></boa-billing-tab>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('boa-enterprise-picker'), 'no picker shown');
    const picker = el.shadowRoot!.querySelector('boa-enterprise-picker')!;
    await picker.updateComplete;
    expect(el.shadowRoot!.querySelector('boa-pricing-credentials')).to.be.null;
    expect(picker.shadowRoot!.querySelector('select')!.value, "the dialog's name is preselected").to.equal('7');
    picker.addEventListener('boa-enterprise-picked', (event) => (el.enterpriseId = event.detail.enterpriseId));
    picker.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    picker.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('boa-setup-status'), 'picked keynode never loaded');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'h-status', 'focus was left on the page');
  });

  it('explains, instead of a form, why a non-keynode enterprise has no billing-only setup', async () => {
    const el = await mount(fakeServices({keyNode: false}));
    expect(el.shadowRoot!.querySelector('boa-keynode-explanation')).to.exist;
    expect(el.shadowRoot!.querySelector('boa-pricing-credentials')).to.be.null;
    expect(text(deep(el, 'boa-keynode-explanation'))).to.contain('is not a keynode enterprise');
  });

  for (const [code, words] of [
    ['ABIQUO_SESSION_EXPIRED', 'session has expired'],
    ['ABIQUO_FORBIDDEN', 'Manage pricing credentials'],
  ] as const) {
    it(`says what to do when loading fails with ${code}, and Retry loads the tab`, async () => {
      const fake = fakeServices();
      fake.abiquo.failNext.set('loadKeynode', {code, facts: {privilege: 'Manage pricing credentials'}});
      const el = await mount(fake);
      expect(text(el)).to.contain(words);
      expect(el.shadowRoot!.querySelector('boa-pricing-credentials')).to.be.null;
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('boa-pricing-credentials'), 'Retry did not load the tab');
    });
  }

  it('shows the identity of pasted accessKeys.csv keys, then the six properties of the picked report, and Apply saves them keeping the others', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await verifiedReport(el);
    const rows = [...diff(el).shadowRoot!.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-property'));
    expect(rows).to.have.members([
      'amazon_bucket',
      'amazon_bucket_region',
      'amazon_report_name',
      'amazon_bucket_prefix',
      'amazon_billing_compress_format',
      'amazon_mpa',
    ]);
    expect(text(diff(el))).to.contain('Other properties left as they are: 2.');
    expect(whereHeld(el, PRICING_KEYS.secretAccessKey), 'the tab holds the secret until it is saved').to.be.a('string');
    expect(el.shadowRoot!.querySelector('boa-preview-launcher'), 'a delivered report and the keys: the preview is offered').to.not.equal(null);
    applyButton(el).click();
    await waitUntil(() => SAVED.test(text(diff(el))), 'Apply never finished');
    expect(el.shadowRoot!.querySelector('boa-preview-launcher'), 'the keys left with the save: no preview without them').to.equal(null);
    expect(fake.abiquo.savedCredentials).to.deep.equal([PRICING_KEYS.accessKeyId]);
    // What was saved, when, and what comes next; no "nothing to apply" above it.
    expect(text(diff(el))).to.match(/Saved at \S+.*: 6 amazon_\* properties and the pricing credentials\./);
    expect(text(diff(el))).to.contain('Next: add each customer AWS account');
    expect([...diff(el).shadowRoot!.querySelectorAll('p:not([hidden])')].some((p) => p.textContent!.includes('nothing to apply'))).to.equal(false);
    expect(fake.abiquo.properties).to.deep.include({
      ...OTHER_PROPERTIES,
      amazon_bucket: 'billing-bucket',
      amazon_bucket_prefix: 'cur',
      amazon_billing_compress_format: 'GZ',
      amazon_mpa: 'shared',
    });
    expect(allMarkup(el)).not.to.contain(PRICING_KEYS.secretAccessKey);
    expect(allAttributes(el).join('\n')).not.to.contain(PRICING_KEYS.secretAccessKey);
    // Saved: no field, component, controller or task argument of the tab still holds the secret.
    expect(whereHeld(el, PRICING_KEYS.secretAccessKey)).to.be.undefined;
  });

  it('rejects a wrong secret with its message and saves nothing', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    paste(keysArea(el), accessKeysCsv(WRONG_SECRET_KEYS));
    await waitUntil(() => checkCodes(deep(el, 'boa-pricing-credentials')).includes('AWS_SECRET_MISMATCH'));
    expect(text(deep(el, 'boa-pricing-credentials', 'boa-check-list'))).to.contain("doesn't match this access key ID");
    expect(diff(el).shadowRoot!.querySelector('button.primary')).to.be.null;
    expect(fake.abiquo.savedCredentials).to.be.empty;
    expect(fake.abiquo.propertyWrites).to.be.empty;
  });

  for (const [bucket, code] of [
    [BUCKETS.noGet, 'S3_GET_PERMISSION_MISSING'],
    [BUCKETS.cur2, 'CUR2_UNSUPPORTED'],
  ] as const) {
    it(`shows ${code} for bucket ${bucket} and offers nothing to apply`, async () => {
      const fake = fakeServices();
      const el = await mount(fake);
      await pasteGoodKeys(el);
      await typeBucket(el, bucket);
      if (bucket === BUCKETS.noGet) {
        await waitUntil(() => report(el).shadowRoot!.querySelector('input[name="report"]:not([disabled])'));
        deep<HTMLInputElement>(el, 'boa-cur-report', 'input[name="report"]').click();
      }
      await waitUntil(() => checkCodes(report(el)).includes(code), `${code} never shown`);
      expect(diff(el).shadowRoot!.querySelector('button.primary')).to.be.null;
      expect(fake.abiquo.savedCredentials).to.be.empty;
      expect(fake.abiquo.propertyWrites).to.be.empty;
    });
  }

  it('corrects the region of a bucket in another region instead of failing', async () => {
    const fake = fakeServices({
      properties: {
        ...OTHER_PROPERTIES,
        amazon_bucket: BUCKETS.otherRegion,
        amazon_bucket_region: 'us-east-1',
        amazon_bucket_prefix: 'cur',
        amazon_report_name: 'abiquo-cur',
      },
    });
    const el = await mount(fake);
    await pasteGoodKeys(el);
    await waitUntil(() => checkCodes(report(el)).includes('DATA_DELIVERED'), 'existing setup never re-checked');
    expect(checkCodes(report(el))).to.include('BUCKET_REGION_CORRECTED');
    await waitUntil(() => diff(el).shadowRoot!.querySelector('tr[data-property="amazon_bucket_region"]'));
    expect(text(diff(el).shadowRoot!.querySelector('tr[data-property="amazon_bucket_region"]')!)).to.contain('eu-central-1');
  });

  it("shows the conflict the Abiquo service reports with the other person's value, and Apply again writes deliberately", async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await verifiedReport(el);
    fake.abiquo.properties.amazon_bucket = 'someone-elses-bucket';
    applyButton(el).click();
    await waitUntil(() => diff(el).shadowRoot!.querySelector('[data-conflict="amazon_bucket"]'), 'conflict never shown');
    expect(text(diff(el))).to.contain('someone-elses-bucket');
    expect(text(diff(el)), 'the table replaces the generic conflict text').not.to.contain('Someone else changed');
    expect(fake.abiquo.properties.amazon_bucket).to.equal('someone-elses-bucket');
    expect(fake.abiquo.propertyWrites).to.be.empty;
    expect(text(diff(el).shadowRoot!.querySelector('tr[data-property="amazon_bucket"]')!)).to.contain('someone-elses-bucket');
    applyButton(el).click();
    await waitUntil(() => fake.abiquo.properties.amazon_bucket === 'billing-bucket', 'second Apply did not write');
  });

  it('when the pricing keys fail, leaves the properties as they were and keeps the keys, so a retry completes', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await verifiedReport(el);
    const before = {...fake.abiquo.properties};
    fake.abiquo.failStep.set('credentials', {code: 'ABIQUO_SERVER', facts: {status: 503}});
    applyButton(el).click();
    await waitUntil(() => text(diff(el)).includes('Nothing was written'));
    expect(text(diff(el))).to.contain('Pricing credentials: not saved.');
    expect(text(diff(el))).to.contain('HTTP 503');
    expect(fake.abiquo.properties).to.deep.equal(before);
    applyButton(el).click();
    await waitUntil(() => SAVED.test(text(diff(el))));
    expect(fake.abiquo.savedCredentials).to.have.length(1);
    expect(fake.abiquo.properties.amazon_bucket).to.equal('billing-bucket');
    // Saved: the secret has left the form and the tab's memory.
    expect(whereHeld(el, PRICING_KEYS.secretAccessKey)).to.be.undefined;
  });

  it('a report not delivered yet lets Apply go, and the setup status says it waits for the first delivery', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await pasteGoodKeys(el);
    await typeBucket(el, BUCKETS.awaiting);
    await waitUntil(() => report(el).shadowRoot!.querySelector('input[name="report"]:not([disabled])'), 'no report to pick');
    deep<HTMLInputElement>(el, 'boa-cur-report', 'input[name="report"]').click();
    await waitUntil(() => checkCodes(report(el)).includes('DATA_NOT_YET'), 'the report was never checked');
    await waitUntil(() => diff(el).shadowRoot!.querySelector('.actions button.primary:not([disabled])'), 'Apply stayed blocked');
    expect(text(report(el))).to.contain('Waiting for the first delivery');
    applyButton(el).click();
    await waitUntil(() => SAVED.test(text(diff(el))), 'Apply never finished');
    await waitUntil(() => text(deep(el, 'boa-setup-status')).includes("waiting for AWS's first delivery"), 'the status never said it waits');
  });

  it('a failed report check blocks Apply, even with a report found and read', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await pasteGoodKeys(el);
    await typeBucket(el, BUCKETS.columnsMissing);
    await waitUntil(() => report(el).shadowRoot!.querySelector('input[name="report"]:not([disabled])'), 'no report to pick');
    deep<HTMLInputElement>(el, 'boa-cur-report', 'input[name="report"]').click();
    await waitUntil(() => checkCodes(report(el)).includes('COLUMNS_MISSING'), 'the report was never checked');
    await waitUntil(() => text(diff(el)).includes('A check above failed: fix it before applying.'), 'Apply was not blocked');
    expect(diff(el).shadowRoot!.querySelector('.actions button.primary:not([disabled])')).to.equal(null);
  });

  it("offers a one-click Restore when the console's own Save lost the applied properties", async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await applyThenLoseToConsoleSave(el, fake);
    expect(applyButton(el).textContent).to.contain('Restore');
    applyButton(el).click();
    await waitUntil(() => fake.abiquo.properties.amazon_bucket === 'billing-bucket', 'Restore did not write');
    expect(fake.abiquo.properties).to.deep.include(OTHER_PROPERTIES);
  });

  it('keeps the Restore offer through Re-verify, and focusRestore() takes the operator to it', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await applyThenLoseToConsoleSave(el, fake);
    deep<HTMLButtonElement>(el, 'boa-setup-status', '.actions button').click();
    await waitUntil(() => deep(el, 'boa-setup-status', '.actions button').getAttribute('aria-disabled') === 'false', 'Re-verify never finished');
    // The re-check of the report, which the re-verify started too, has settled.
    await waitUntil(
      () => !el.shadowRoot!.querySelector('boa-cur-report')!.shadowRoot!.querySelector('boa-check-list[running]'),
      'the report re-check never finished',
    );
    await el.updateComplete;
    await diff(el).updateComplete;
    expect(applyButton(el).textContent).to.contain('Restore');
    await el.focusRestore();
    expect(diff(el).shadowRoot!.activeElement, 'Restore has the focus').to.equal(applyButton(el));
  });

  it('puts what the console\'s Save lost first, without the stale "saved" of the Apply before it', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await applyThenLoseToConsoleSave(el, fake);
    const sections = [...el.shadowRoot!.querySelectorAll('section')].map((section) => section.getAttribute('aria-labelledby'));
    expect(sections[0]).to.equal('h-properties');
    expect(text(diff(el))).not.to.match(SAVED);
  });

  it('offers Restore again in a new tab of the same enterprise, without the secret, and says when it is done', async () => {
    const fake = fakeServices();
    const first = await mount(fake);
    const offers: (Readonly<Record<string, string>> | undefined)[] = [];
    first.addEventListener('boa-restore-offer', (event) => offers.push(event.detail.values));
    await applyThenLoseToConsoleSave(first, fake);
    const lost = offers.at(-1);
    expect(lost?.amazon_bucket).to.equal('billing-bucket');
    // The dialog closed and opened again: a new tab, given what the first one offered.
    const again = await fixture<BoaBillingTab>(html`<boa-billing-tab .services=${fake.services} .pendingRestore=${lost} enterprise-id="7"></boa-billing-tab>`);
    const offersAgain: (Readonly<Record<string, string>> | undefined)[] = [];
    again.addEventListener('boa-restore-offer', (event) => offersAgain.push(event.detail.values));
    await waitUntil(
      () => deep(again, 'boa-properties-diff').shadowRoot?.querySelector('button.primary')?.textContent?.includes('Restore'),
      'Restore not offered again',
    );
    const writesBefore = fake.abiquo.savedCredentials.length;
    applyButton(again).click();
    await waitUntil(() => fake.abiquo.properties.amazon_bucket === 'billing-bucket', 'Restore did not write');
    expect(fake.abiquo.savedCredentials.length, 'no keys were needed or sent').to.equal(writesBefore);
    await waitUntil(() => offersAgain.at(-1) === undefined && offersAgain.length > 0, 'the host was not told the offer is done');
  });

  it("says why reading the linked accounts or re-reading after the console's Save failed, with the facts filled in", async () => {
    const fake = fakeServices();
    fake.abiquo.failNext.set('listLinkedAccounts', {code: 'ABIQUO_FORBIDDEN', facts: {privilege: '“Manage enterprises” (USERS_MANAGE_ENTERPRISE)'}});
    const el = await mount(fake);
    await waitUntil(() => text(deep(el, 'boa-linked-accounts')).includes('“Manage enterprises” (USERS_MANAGE_ENTERPRISE)'));
    await verifiedReport(el);
    applyButton(el).click();
    await waitUntil(() => SAVED.test(text(diff(el))));
    fake.abiquo.failNext.set('readProperties', {code: 'ABIQUO_SERVER', facts: {status: 502}});
    await el.consoleSaved();
    await el.updateComplete;
    expect(text(el)).to.contain('HTTP 502');
    expect(allMarkup(el)).not.to.match(/\$[A-Z]+\$/);
  });

  it('after Apply keeps the report verdict it reached with the saved keys, and the cost choice does not block it', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await verifiedReport(el);
    applyButton(el).click();
    await waitUntil(() => SAVED.test(text(diff(el))));
    await el.updateComplete;
    await report(el).updateComplete;
    expect(text(report(el))).to.contain('Checked with the pricing keys saved just now');
    expect(deep(el, 'boa-cur-report', '.alert--warn').hidden).to.be.true;
    expect(checkCodes(report(el))).to.include('DATA_DELIVERED');
    deep<HTMLInputElement>(el, 'boa-cur-report', '#mpa-blended').click();
    await waitUntil(
      () => diff(el).shadowRoot!.querySelector('tr[data-property="amazon_mpa"]')?.textContent?.includes('dedicated'),
      'blended never reached the diff',
    );
    expect(text(diff(el))).not.to.contain('A check above failed');
    // Focus is not pulled back into the key fields by the save.
    expect(activeDeep()?.id).not.to.equal('key-id');
  });

  it('does not say a check failed while the checks so far all passed', async () => {
    const el = await mount(fakeServices());
    await pasteGoodKeys(el);
    await el.updateComplete;
    expect(text(diff(el))).not.to.contain('A check above failed');
  });

  it('names the enterprise it edits in the saved line and sets its language on the host', async () => {
    const el = await mount(fakeServices({language: 'es'}));
    expect(text(deep(el, 'boa-saved-line'))).to.match(/^ ?(Guardado en|Aún no hay nada guardado en) Acme billing/);
    expect(el.getAttribute('lang')).to.equal('es');
  });

  it('keeps the events that carry keys inside the tab', async () => {
    const leaked: string[] = [];
    const listen = (event: Event) => leaked.push(event.type);
    document.addEventListener('boa-keys-input', listen);
    document.addEventListener('boa-keys-verified', listen);
    try {
      const el = await mount(fakeServices());
      await pasteGoodKeys(el);
      expect(leaked).to.be.empty;
    } finally {
      document.removeEventListener('boa-keys-input', listen);
      document.removeEventListener('boa-keys-verified', listen);
    }
  });

  it("says nothing after the console's Save when the properties survived", async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    await verifiedReport(el);
    applyButton(el).click();
    await waitUntil(() => SAVED.test(text(diff(el))));
    await el.consoleSaved();
    await el.updateComplete;
    expect(text(diff(el))).not.to.contain("The console's Save removed");
  });

  it('aborts the previous check when new keys are pasted', async () => {
    const fake = fakeServices();
    const el = await mount(fake);
    // The first check is still under way when the new keys arrive.
    const finish = fake.holdChecks();
    paste(keysArea(el), accessKeysCsv(WRONG_SECRET_KEYS));
    await waitUntil(() => fake.verifyCalls.length === 1);
    paste(keysArea(el), accessKeysCsv(PRICING_KEYS));
    await waitUntil(() => fake.verifyCalls.length === 2);
    finish();
    await waitUntil(() => pricingText(el).includes('in account 1234-5678-9012'));
    expect(fake.verifyCalls[0]!.aborted).to.be.true;
    expect(checkCodes(deep(el, 'boa-pricing-credentials'))).not.to.include('AWS_SECRET_MISMATCH');
  });

  it('can be set up with the keyboard only', async function () {
    this.timeout(20000);
    const fake = fakeServices();
    const el = await mount(fake);
    await tabTo((active) => active.id === 'key-id');
    await sendKeys({type: PRICING_KEYS.accessKeyId});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: PRICING_KEYS.secretAccessKey});
    await waitUntil(() => pricingText(el).includes('in account 1234-5678-9012'), 'typed keys never verified', {timeout: 4000});
    await tabTo((active) => active.id === 'bucket');
    await sendKeys({type: BUCKETS.good});
    await waitUntil(() => report(el).shadowRoot!.querySelector('input[name="report"]:not([disabled])'), 'no report', {timeout: 4000});
    await tabTo((active) => (active as HTMLInputElement).name === 'report');
    await sendKeys({press: 'Space'});
    await waitUntil(() => diff(el).shadowRoot!.querySelector('button.primary:not([disabled])'), 'Apply never enabled', {timeout: 4000});
    await tabTo((active) => active.classList.contains('primary') && active.textContent!.includes('Apply'));
    await sendKeys({press: 'Enter'});
    await waitUntil(() => fake.abiquo.properties.amazon_bucket === 'billing-bucket', 'keyboard Apply did not write');
    await waitUntil(() => activeDeep()?.classList.contains('outcome'), 'focus fell to the page when Apply was disabled');
  });

  it('shows the tab in Spanish on a Spanish console', async () => {
    const el = await mount(fakeServices({language: 'es'}));
    expect(text(el)).to.contain('Estado de la configuración');
    expect(text(deep(el, 'boa-pricing-credentials'))).to.contain('Pega las claves de abiquo-billing-user');
    await expect(el).to.be.accessible();
  });
});
