import {expect, fixture, html} from '@open-wc/testing';
import type {Check} from '../../aws/types.ts';
import {createTranslator} from '../../shared/i18n.ts';
import '../../../test/helpers/components.ts';
import type {BoaCheckList} from './boa-check-list.ts';

const checks: Check[] = [
  {code: 'STS_IDENTITY_OK', status: 'pass', facts: {userName: 'abiquo-billing-user', account: '123456789012'}},
  {code: 'DATA_NOT_YET', status: 'warn', facts: {}},
  {code: 'S3_GET_PERMISSION_MISSING', status: 'fail', facts: {arn: 'arn:aws:s3:::billing-bucket/*'}},
  {code: 'REPORT_HOURLY', status: 'skipped', facts: {}},
];

describe('<boa-check-list>', () => {
  it('passes the accessibility audit', async () => {
    const el = await fixture<BoaCheckList>(html`<boa-check-list .t=${createTranslator('en')} .checks=${checks} label="Checks"></boa-check-list>`);
    await expect(el).to.be.accessible();
  });

  it('gives each check its message with facts and a status told in text, not colour only', async () => {
    const el = await fixture<BoaCheckList>(html`<boa-check-list .t=${createTranslator('en')} .checks=${checks} label="Checks"></boa-check-list>`);
    const items = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).to.match(/^!Warning:/);
    expect(items[1]).to.match(/^✗Failed: .*arn:aws:s3:::billing-bucket\/\*/);
    expect(items[2]).to.match(/^–Skipped:/);
    expect(items[3]).to.match(/^✓Passed: .*abiquo-billing-user/);
  });

  it('folds what passed into one line once the run is over, and keeps what did not open', async () => {
    const el = await fixture<BoaCheckList>(html`<boa-check-list .t=${createTranslator('en')} .checks=${checks} label="Checks"></boa-check-list>`);
    const details = el.shadowRoot!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.contain('Checks passed: 1');
    expect([...details.querySelectorAll('li')].map((li) => li.dataset['code'])).to.deep.equal(['STS_IDENTITY_OK']);
    const open = [...el.shadowRoot!.querySelectorAll<HTMLElement>('ul[part="base"] li')].map((li) => li.dataset['code']);
    expect(open).to.deep.equal(['DATA_NOT_YET', 'S3_GET_PERMISSION_MISSING', 'REPORT_HOURLY']);
    el.running = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('details'), 'while running, every check shows as it arrives').to.equal(null);
  });

  it("shows accounts dashed and delivery times in the console's language", async () => {
    const delivered: Check[] = [
      {code: 'STS_IDENTITY_OK', status: 'pass', facts: {userName: 'abiquo-billing-user', account: '123456789012'}},
      {code: 'DATA_DELIVERED', status: 'pass', facts: {period: '20260101-20260201', deliveredAt: '2026-01-15T06:00:00Z'}},
    ];
    const el = await fixture<BoaCheckList>(
      html`<boa-check-list .t=${createTranslator('en')} .checks=${delivered} language="en" label="Checks"></boa-check-list>`,
    );
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('in account 1234-5678-9012');
    expect(text).not.to.contain('2026-01-15T06:00:00Z');
    expect(text).to.contain('2026');
  });

  it('announces progress while checks are running', async () => {
    const el = await fixture<BoaCheckList>(html`<boa-check-list .t=${createTranslator('es')} running label="Comprobaciones"></boa-check-list>`);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.getAttribute('aria-busy')).to.equal('true');
    expect(live.textContent).to.contain('Comprobando…');
  });
});
