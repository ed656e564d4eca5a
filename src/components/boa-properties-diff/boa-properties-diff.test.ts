import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {OTHER_PROPERTIES, PRICING_KEYS, fakeServices} from '../../../test/helpers/fake-services.ts';
import '../../../test/helpers/components.ts';
import type {BoaPropertiesDiff} from './boa-properties-diff.ts';
import {SAVED} from '../../../sandbox/drive/saved-text.ts';

const desired = {amazon_bucket: 'billing-bucket', amazon_bucket_region: 'eu-west-1', amazon_mpa: 'shared'};
const current = {...OTHER_PROPERTIES, amazon_bucket: 'old-bucket'};

async function mount(language = 'en') {
  const fake = fakeServices({language, properties: current});
  const el = await fixture<BoaPropertiesDiff>(
    html`<boa-properties-diff .services=${fake.services} .current=${current} .desired=${desired} .keys=${PRICING_KEYS}></boa-properties-diff>`,
  );
  return {el, fake};
}
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');

describe('<boa-properties-diff>', () => {
  it('passes the accessibility audit', async () => {
    await expect((await mount()).el).to.be.accessible();
  });

  it('shows each amazon_* property current → new and how many others stay untouched', async () => {
    const {el} = await mount();
    expect(text(el.shadowRoot!.querySelector('tr[data-property="amazon_bucket"]')!))
      .to.contain('old-bucket')
      .and.contain('billing-bucket');
    expect(text(el.shadowRoot!.querySelector('tr[data-property="amazon_mpa"]')!)).to.contain('—');
    expect(text(el)).to.contain('Other properties left as they are: 2.');
  });

  it('puts the properties back when the pricing credentials are refused after them, and says nothing was written', async () => {
    const {el, fake} = await mount();
    const before = {...fake.abiquo.properties};
    fake.abiquo.failStep.set('credentials', {code: 'ABIQUO_FORBIDDEN', facts: {privilege: '“Manage pricing credentials” (MANAGE_PRICING_CREDENTIALS)'}});
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => text(el).includes('Pricing credentials: not saved.'));
    expect(text(el)).to.contain('amazon_* properties: not written; they are as they were.');
    expect(text(el)).to.contain('MANAGE_PRICING_CREDENTIALS');
    expect(text(el)).to.contain('Nothing was written: the enterprise is as it was before.');
    expect(fake.abiquo.properties).to.deep.equal(before);
  });

  it('says which values remain when putting them back failed too, instead of claiming nothing was written', async () => {
    const {el, fake} = await mount();
    fake.abiquo.failStep.set('credentials', {code: 'ABIQUO_SERVER', facts: {status: 503}});
    fake.abiquo.failStep.set('undo', {code: 'ABIQUO_NETWORK', facts: {reason: 'Failed to fetch'}});
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => text(el).includes("this Apply's values remain in"));
    expect(text(el)).to.contain('amazon_bucket, amazon_bucket_region, amazon_mpa');
    expect(text(el)).not.to.contain('Nothing was written');
    expect(text(el)).to.contain('Fix the cause and choose Apply again.');
  });

  it('reports a 401 on Apply with its message and writes nothing', async () => {
    const {el, fake} = await mount();
    fake.abiquo.failNext.set('applySetup', {code: 'ABIQUO_SESSION_EXPIRED'});
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => text(el).includes('session has expired'));
    expect(fake.abiquo.savedCredentials).to.be.empty;
    expect(fake.abiquo.propertyWrites).to.be.empty;
  });

  it('tells the parent the credentials are saved, and shows each line as read back', async () => {
    const {el} = await mount();
    const saved = oneEvent(el, 'boa-credentials-saved');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await saved;
    await waitUntil(() => SAVED.test(text(el)));
    expect(text(el)).to.contain('3 amazon_* properties and the pricing credentials.');
  });

  it('after a Cancel says nothing of the Apply remains and shows the properties read back', async () => {
    const {el, fake} = await mount();
    // The Apply reaches the server, which answers only once the operator has cancelled.
    const answer = fake.abiquo.hold('applySetup');
    const reloaded = oneEvent(el, 'boa-properties-reloaded');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Cancel'))!.click();
    answer();
    await waitUntil(() => text(el).includes('Cancelled: nothing of this Apply remains.'), 'the Cancel was never reported');
    expect(fake.abiquo.savedCredentials).to.be.empty;
    expect((await reloaded).detail.properties).to.deep.include(OTHER_PROPERTIES);
  });

  it('notes what each platform version expects for a gzip report, and keeps an existing GZIP as it is', async () => {
    const t = fakeServices().services;
    const writing = await fixture<BoaPropertiesDiff>(
      html`<boa-properties-diff .services=${t} .current=${{}} .desired=${{amazon_billing_compress_format: 'GZ'}}></boa-properties-diff>`,
    );
    expect(text(writing)).to.contain('amazon_billing_compress_format is GZ for a gzip report. Abiquo 5.x and 6.0 documentation spells it GZIP');
    const keeping = await fixture<BoaPropertiesDiff>(
      html`<boa-properties-diff
        .services=${t}
        .current=${{amazon_billing_compress_format: 'GZIP'}}
        .desired=${{amazon_billing_compress_format: 'GZIP'}}
      ></boa-properties-diff>`,
    );
    expect(text(keeping)).to.contain('amazon_billing_compress_format is GZIP for a gzip report');
    expect(text(keeping)).to.contain('nothing to apply');
    const zip = await fixture<BoaPropertiesDiff>(
      html`<boa-properties-diff .services=${t} .current=${{}} .desired=${{amazon_billing_compress_format: 'ZIP'}}></boa-properties-diff>`,
    );
    expect(zip.shadowRoot!.querySelector('[data-note="compress-format"]')).to.equal(null);
  });

  it('is in Spanish on a Spanish console', async () => {
    const {el} = await mount('es');
    expect(text(el)).to.contain('Otras propiedades que no se modifican: 2.');
    expect(el.shadowRoot!.querySelector('button.primary')!.textContent).to.contain('Aplicar');
  });
});
