import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import type {BillingPreview, ReconciledLine} from '../../preview/types.ts';
import {createTranslator} from '../../shared/i18n.ts';
import {BoaBillingPreview} from './boa-billing-preview.ts';

if (!customElements.get('boa-billing-preview')) customElements.define('boa-billing-preview', BoaBillingPreview);

const account = (accountId: string, cost: number, services: {service: string; cost: number}[] = []) => ({
  accountId,
  cost,
  usage: cost,
  credits: 0,
  refunds: 0,
  taxes: 0,
  services,
});
const PREVIEW: BillingPreview = {
  period: '20261101-20261201',
  basis: 'unblended',
  currency: 'USD',
  mixedCurrencies: false,
  total: 1500,
  usage: 1510,
  credits: -20,
  refunds: 0,
  taxes: 10,
  accounts: [],
  lastUsageHour: '2026-11-30T14:00:00.000Z',
  rows: 12345,
  bytes: 1000,
  elapsedMs: 10,
};
const LINES: ReconciledLine[] = [
  {
    kind: 'billed',
    account: account('444455556666', 1000, [{service: 'Amazon Elastic Compute Cloud', cost: 900}]),
    enterprise: {enterpriseId: 8, name: 'Retail', awsAccountId: '444455556666'},
  },
  {kind: 'unbilled', account: account('777788889999', 400)},
  {kind: 'keynode', account: account('111122223333', 100)},
  {kind: 'idle', enterprise: {enterpriseId: 9, name: 'Wholesale'}},
];

describe('<boa-billing-preview>', () => {
  it('shows progress with a way to cancel while it reads', async () => {
    const el = await fixture<BoaBillingPreview>(
      html`<boa-billing-preview
        .t=${createTranslator('en')}
        language="en"
        .state=${{kind: 'reading', progress: {bytesRead: 5_242_880, bytesTotal: 10_485_760, rows: 1200, elapsedMs: 900, remainingMs: 2100}}}
      ></boa-billing-preview>`,
    );
    await expect(el).to.be.accessible();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('5 MB of 10 MB · 1,200 line items · about 3 s left');
    expect(el.shadowRoot!.querySelector('progress')!.value).to.equal(5_242_880);
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.cancel')!.click());
    await oneEvent(el, 'boa-preview-cancel');
  });

  it('shows cost per account as a chart and a table, flags an account no enterprise bills, and offers to add it', async () => {
    const el = await fixture<BoaBillingPreview>(
      html`<boa-billing-preview .t=${createTranslator('en')} language="en" .state=${{kind: 'done', preview: PREVIEW, lines: LINES}}></boa-billing-preview>`,
    );
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('svg rect')).to.have.length(3);
    expect(root.querySelector('svg')!.getAttribute('role')).to.equal('img');
    const rows = [...root.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows[0]!.slice(1, 3)).to.deep.equal(['Retail', '$1,000.00']);
    expect(rows[1]!.slice(0, 3)).to.deep.equal(['777788889999', 'Not billed: no linked enterprise Add account', '$400.00']);
    expect(rows[3]!.slice(0, 3)).to.deep.equal(['AWS account not known', 'Wholesale', 'No cost in this period']);
    expect(root.textContent).to.contain('1 AWS account(s) have costs but no linked enterprise');
    expect(root.textContent).to.contain('The AWS account of Wholesale is not known here');
    expect(root.textContent).to.contain('unblended costs: $1,500.00 in 12,345 line items');
    setTimeout(() => root.querySelector<HTMLButtonElement>('button.add-account')!.click());
    expect((await oneEvent(el, 'boa-add-account')).detail.accountId).to.equal('777788889999');
  });

  it('ends a failure with its message, translated, and a way to read again', async () => {
    const el = await fixture<BoaBillingPreview>(
      html`<boa-billing-preview
        .t=${createTranslator('es')}
        language="es"
        .state=${{kind: 'failed', code: 'PREVIEW_TRUNCATED', facts: {key: 'cur/a.csv.gz'}}}
      ></boa-billing-preview>`,
    );
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('cur/a.csv.gz termina antes de tiempo');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.again')!.click());
    await oneEvent(el, 'boa-preview-again');
  });
});
