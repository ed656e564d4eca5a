import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {BUCKETS, PRICING_KEYS, fakeServices} from '../../../test/helpers/fake-services.ts';
import '../../../test/helpers/components.ts';
import type {BoaCurReport} from './boa-cur-report.ts';

async function mount(language = 'en') {
  const fake = fakeServices({language});
  const el = await fixture<BoaCurReport>(html`<boa-cur-report .services=${fake.services} .keys=${PRICING_KEYS}></boa-cur-report>`);
  return {el, fake};
}

function typeBucket(el: BoaCurReport, bucket: string) {
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('#bucket')!;
  field.value = bucket;
  field.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste'}));
}

describe('<boa-cur-report>', () => {
  it('passes the accessibility audit', async () => {
    await expect((await mount()).el).to.be.accessible();
  });

  it('accepts an s3:// URL, detects the region and lists the reports found to pick from', async () => {
    const {el, fake} = await mount();
    typeBucket(el, `s3://${BUCKETS.good}/cur/`);
    await waitUntil(() => el.shadowRoot!.querySelector('input[name="report"]'));
    expect(fake.verifyCalls[0]!.input.bucket).to.equal('s3://billing-bucket/cur/');
    expect(el.shadowRoot!.textContent).to.contain('Region detected from S3: eu-west-1');
    await expect(el).to.be.accessible();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLInputElement>('input[name="report"]')!.click());
    const event = await oneEvent(el, 'boa-report-change');
    expect(event.detail.report).to.deep.include({reportName: 'abiquo-cur', prefix: 'cur', compression: 'GZIP'});
    expect(event.detail.blocked).to.be.false;
  });

  it('explains blended and unblended costs in one sentence each and reports the choice', async () => {
    const {el} = await mount('es');
    expect(el.shadowRoot!.querySelector('#mpa-blended-help')!.textContent).to.contain('tarifa media');
    expect(el.shadowRoot!.querySelector('#mpa-unblended-help')!.textContent).to.contain('su propio uso');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLInputElement>('#mpa-blended')!.click());
    expect((await oneEvent(el, 'boa-report-change')).detail.blended).to.be.true;
  });

  it('keeps the report radios, enabled and focused, while the picked report is checked', async () => {
    const fake = fakeServices();
    const el = await fixture<BoaCurReport>(html`<boa-cur-report .services=${fake.services} .keys=${PRICING_KEYS}></boa-cur-report>`);
    typeBucket(el, BUCKETS.good);
    await waitUntil(() => el.shadowRoot!.querySelector('input[name="report"]'), 'no report', {timeout: 4000});
    const radio = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="report"]')!;
    // The check of the picked report stays under way while the radios are looked at.
    const finish = fake.holdChecks();
    radio.focus();
    radio.click();
    await waitUntil(() => fake.verifyCalls.length === 2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input[name="report"]')).to.equal(radio);
    expect(radio.disabled).to.be.false;
    expect(radio.checked).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(radio);
    finish();
  });

  it("marks the bucket field invalid with the failing check's message", async () => {
    const {el} = await mount();
    typeBucket(el, 'no-such-bucket');
    await waitUntil(() => el.shadowRoot!.querySelector('#bucket[aria-invalid="true"]'), 'bucket never marked invalid');
    const field = el.shadowRoot!.querySelector('#bucket')!;
    expect(field.getAttribute('aria-describedby')).to.contain('bucket-error');
    expect(el.shadowRoot!.querySelector('#bucket-error')!.textContent).to.contain('no S3 bucket named no-such-bucket');
  });

  it('can cancel a running check', async () => {
    const fake = fakeServices();
    fake.holdChecks();
    const el = await fixture<BoaCurReport>(html`<boa-cur-report .services=${fake.services} .keys=${PRICING_KEYS}></boa-cur-report>`);
    typeBucket(el, BUCKETS.good);
    await waitUntil(() => fake.verifyCalls.length === 1);
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Cancel'))!.click();
    await waitUntil(() => fake.verifyCalls[0]!.aborted);
  });
});
