import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {LINKED_ACCOUNT, LINKED_KEYS, PRICING_KEYS, fakeServices} from '../../../test/helpers/fake-services.ts';
import {deep, paste} from '../../../test/helpers/components.ts';
import {accessKeysCsv} from '../../../sandbox/aws/access-keys-csv.ts';
import type {BoaPricingCredentials} from './boa-pricing-credentials.ts';

async function mount() {
  const fake = fakeServices();
  const el = await fixture<BoaPricingCredentials>(
    html`<boa-pricing-credentials .services=${fake.services} .usedAccounts=${[{account: LINKED_ACCOUNT, where: 'Acme dev'}]}></boa-pricing-credentials>`,
  );
  return {el, fake};
}

describe('<boa-pricing-credentials>', () => {
  it('passes the accessibility audit', async () => {
    await expect((await mount()).el).to.be.accessible();
  });

  it('checks pasted keys as abiquo-billing-user and shows the identity with the account dashed', async () => {
    const {el, fake} = await mount();
    setTimeout(() => paste(deep(el, 'boa-keys-input', '#paste'), accessKeysCsv(PRICING_KEYS)));
    const event = await oneEvent(el, 'boa-keys-verified');
    expect(event.detail.blocked).to.be.false;
    expect(fake.verifyCalls[0]!.input).to.deep.equal({keys: PRICING_KEYS, expectedUserName: 'abiquo-billing-user'});
    await waitUntil(() => el.shadowRoot!.textContent!.includes('user/abiquo-billing-user in account 1234-5678-9012'), 'identity never shown');
    await expect(el).to.be.accessible();
  });

  it("takes abiquo-billing-user's row from a credentials.csv of several users, wherever it is", async () => {
    const {el, fake} = await mount();
    const csv = `User name,Password,Access key ID,Secret access key,Console login link\nabiquo-billing-user-public,,${LINKED_KEYS.accessKeyId},${LINKED_KEYS.secretAccessKey},\nabiquo-billing-user,,${PRICING_KEYS.accessKeyId},${PRICING_KEYS.secretAccessKey},\n`;
    setTimeout(() => paste(deep(el, 'boa-keys-input', '#paste'), csv));
    await oneEvent(el, 'boa-keys-verified');
    expect(fake.verifyCalls.map((call) => call.input.keys)).to.deep.equal([PRICING_KEYS]);
  });

  it('warns on keys of another user, and of an account already used on this screen', async () => {
    const {el} = await mount();
    setTimeout(() => paste(deep(el, 'boa-keys-input', '#paste'), accessKeysCsv(LINKED_KEYS)));
    await oneEvent(el, 'boa-keys-verified');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('already used by Acme dev'), 'no warning');
    expect(deep(el, 'boa-check-list').shadowRoot!.querySelector<HTMLElement>('li[data-code="STS_UNEXPECTED_USER"]')!.dataset.status).to.equal('warn');
  });
});
