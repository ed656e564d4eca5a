import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {LINKED_ACCOUNT, LINKED_KEYS, PAYER_ACCOUNT, SAME_ACCOUNT_KEYS, WRONG_SECRET_KEYS, fakeServices} from '../../../test/helpers/fake-services.ts';
import {accessKeysCsv, deep, paste} from '../shared/test-utils.ts';
import type {BoaLinkedAccounts} from './boa-linked-accounts.ts';

async function mount() {
  const fake = fakeServices();
  const accounts = [{enterpriseId: 9, name: 'Acme dev', hasAmazonCredentials: false}];
  const used = [{account: PAYER_ACCOUNT, where: 'the pricing credentials'}];
  const el = await fixture<BoaLinkedAccounts>(html`<boa-linked-accounts .services=${fake.services} .accounts=${accounts} .usedAccounts=${used}></boa-linked-accounts>`);
  return {el, fake};
}
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');

async function fill(el: BoaLinkedAccounts, name: string, keys: {accessKeyId: string; secretAccessKey: string}) {
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
  field.value = name;
  field.dispatchEvent(new InputEvent('input'));
  paste(deep(el, 'boa-keys-input', '#paste'), accessKeysCsv(keys));
  await waitUntil(() => deep(el, 'boa-check-list').shadowRoot!.querySelector('li[data-code="STS_IDENTITY_OK"], li[data-code="AWS_SECRET_MISMATCH"]'));
}

describe('<boa-linked-accounts>', () => {
  it('passes the accessibility audit', async () => {
    await expect((await mount()).el).to.be.accessible();
  });

  it('lists each linked enterprise with its credential status', async () => {
    const {el} = await mount();
    expect(text(el.shadowRoot!.querySelector('tr[data-enterprise="9"]')!)).to.contain('Acme dev').and.contain('Missing');
  });

  it('checks pasted public keys with STS, then adds the enterprise with their account', async () => {
    const {el, fake} = await mount();
    await fill(el, 'Acme prod', LINKED_KEYS);
    expect(fake.verifyCalls[0]!.input).to.deep.include({expectedUserName: 'abiquo-billing-user-public'});
    expect(fake.verifyCalls[0]!.input.bucket).to.be.undefined;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => fake.abiquo.addedAccounts.length === 1);
    expect(fake.abiquo.addedAccounts[0]).to.deep.include({name: 'Acme prod', awsAccountId: LINKED_ACCOUNT});
  });

  it('adds nothing when the pasted secret is wrong', async () => {
    const {el, fake} = await mount();
    await fill(el, 'Acme prod', WRONG_SECRET_KEYS);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(fake.abiquo.addedAccounts).to.be.empty;
  });

  it('warns when the keys belong to an account already used on this screen', async () => {
    const {el} = await mount();
    await fill(el, 'Acme prod', SAME_ACCOUNT_KEYS);
    await el.updateComplete;
    expect(text(el)).to.contain('already used by the pricing credentials');
  });

  it('asks for a name before adding', async () => {
    const {el, fake} = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('Enterprise name: enter a name');
    expect(fake.verifyCalls).to.be.empty;
  });
});
