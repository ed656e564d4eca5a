import {expect, fixture, html} from '@open-wc/testing';
import type {Check} from '../../aws/types.ts';
import {createTranslator} from '../../shared/i18n.ts';
import '../shared/test-utils.ts';
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
    expect(items[0]).to.match(/^✓Passed: .*abiquo-billing-user/);
    expect(items[1]).to.match(/^!Warning:/);
    expect(items[2]).to.match(/^✗Failed: .*arn:aws:s3:::billing-bucket\/\*/);
    expect(items[3]).to.match(/^–Skipped:/);
  });

  it('shows accounts dashed and delivery times in the console\'s language', async () => {
    const delivered: Check[] = [
      {code: 'STS_IDENTITY_OK', status: 'pass', facts: {userName: 'abiquo-billing-user', account: '123456789012'}},
      {code: 'DATA_DELIVERED', status: 'pass', facts: {period: '20260101-20260201', deliveredAt: '2026-01-15T06:00:00Z'}},
    ];
    const el = await fixture<BoaCheckList>(html`<boa-check-list .t=${createTranslator('en')} .checks=${delivered} language="en" label="Checks"></boa-check-list>`);
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
