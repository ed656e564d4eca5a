import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import type {VerifiedReport} from '../../aws/types.ts';
import {fakeServices} from '../../../test/helpers/fake-services.ts';
import '../../../test/helpers/components.ts';
import type {BoaPreviewLauncher} from './boa-preview-launcher.ts';

const KEYS = {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'};
const REPORT: VerifiedReport = {
  bucket: 'acme-billing',
  region: 'eu-west-1',
  prefix: 'cur',
  reportName: 'abiquo-hourly',
  compression: 'GZIP',
  payerAccount: '111122223333',
  billingPeriod: '20261101-20261201',
};
const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('<boa-preview-launcher>', () => {
  it('offers nothing it cannot do: no button without a delivered report and the pricing keys', async () => {
    const {services, previews} = fakeServices();
    const el = await fixture<BoaPreviewLauncher>(html`<boa-preview-launcher .services=${services} .report=${REPORT}></boa-preview-launcher>`);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    el.keys = KEYS;
    el.report = {...REPORT, awaitingDelivery: true};
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    el.report = REPORT;
    await el.updateComplete;
    expect(text(el)).to.contain('Preview the billing');
    expect(previews).to.have.length(0);
  });

  it('reads a report AWS wrote under a leading slash where it is', async () => {
    const {services, previews} = fakeServices();
    const report = {...REPORT, prefix: '', folder: '/abiquo-hourly/'};
    const el = await fixture<BoaPreviewLauncher>(html`<boa-preview-launcher .services=${services} .keys=${KEYS} .report=${report}></boa-preview-launcher>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.preview')!.click();
    expect(previews[0]!.request.report.folder).to.equal('/abiquo-hourly/');
  });

  it('reads the report of the verified period with the cost basis of amazon_mpa and the linked accounts, and leads "Add account" to the tab', async () => {
    const {services, previews} = fakeServices();
    const linked = [
      {enterpriseId: 8, name: 'Retail', hasAmazonCredentials: true, awsAccountId: '444455556666'},
      {enterpriseId: 9, name: 'Wholesale', hasAmazonCredentials: false},
    ];
    const el = await fixture<BoaPreviewLauncher>(
      html`<boa-preview-launcher .services=${services} .keys=${KEYS} .report=${REPORT} blended .linked=${linked}></boa-preview-launcher>`,
    );
    await expect(el).to.be.accessible();
    expect(text(el)).to.contain('20261101-20261201');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.preview')!.click();
    expect(previews).to.have.length(1);
    expect(previews[0]!.request).to.deep.equal({
      keys: KEYS,
      report: {
        bucket: 'acme-billing',
        region: 'eu-west-1',
        prefix: 'cur',
        reportName: 'abiquo-hourly',
        billingPeriod: '20261101-20261201',
        compression: 'GZIP',
      },
      basis: 'blended',
      payerAccount: '111122223333',
      linked: [
        {enterpriseId: 8, name: 'Retail', awsAccountId: '444455556666'},
        {enterpriseId: 9, name: 'Wholesale'},
      ],
    });
    expect(el.shadowRoot!.querySelector('.fake-preview')).to.not.equal(null);
    setTimeout(() => previews[0]!.addAccount('777788889999'));
    expect((await oneEvent(el, 'boa-preview-add-account')).detail.accountId).to.equal('777788889999');
    // The keys cleared (saved): the preview made with them goes.
    el.keys = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.fake-preview')).to.equal(null);
  });
});
