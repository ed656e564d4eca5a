import {whereHeld} from '../../../test/helpers/where-held.ts';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {
  LINKED_ACCOUNT,
  LINKED_KEYS,
  PAYER_ACCOUNT,
  PRICING_KEYS,
  SAME_ACCOUNT_KEYS,
  WRONG_SECRET_KEYS,
  fakeServices,
} from '../../../test/helpers/fake-services.ts';
import {deep, paste} from '../../../test/helpers/components.ts';
import {accessKeysCsv} from '../../../sandbox/aws/access-keys-csv.ts';
import type {LinkedAccount} from '../../abiquo/types.ts';
import type {BoaLinkedAccounts} from './boa-linked-accounts.ts';

async function mount() {
  const accounts = [{enterpriseId: 9, name: 'Acme dev', hasAmazonCredentials: false}];
  const fake = fakeServices({linked: accounts});
  const used = [{account: PAYER_ACCOUNT, where: 'the pricing credentials'}];
  const el = await fixture<BoaLinkedAccounts>(
    html`<boa-linked-accounts .services=${fake.services} .accounts=${accounts} .usedAccounts=${used}></boa-linked-accounts>`,
  );
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
    expect(text(el.shadowRoot!.querySelector('tr[data-enterprise="9"]')!))
      .to.contain('Acme dev')
      .and.contain('Missing');
  });

  it('checks pasted public keys with STS, then adds the enterprise with their account', async () => {
    const {el, fake} = await mount();
    await fill(el, 'Acme prod', LINKED_KEYS);
    expect(fake.verifyCalls[0]!.input).to.deep.include({expectedUserName: 'abiquo-billing-user-public'});
    expect(fake.verifyCalls[0]!.input.bucket).to.be.undefined;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => fake.abiquo.addedAccounts.length === 1);
    expect(fake.abiquo.addedAccounts[0]).to.deep.include({name: 'Acme prod', awsAccountId: LINKED_ACCOUNT});
    await waitUntil(() => text(el).includes('Acme prod') && !el.shadowRoot!.querySelector('.progress'), 'the outcome never showed');
    // Added: no field, state or task argument of the section still holds the secret.
    expect(whereHeld(el, LINKED_KEYS.secretAccessKey)).to.be.undefined;
  });

  it("takes abiquo-billing-user-public's row from a credentials.csv of several users, wherever it is", async () => {
    const {el, fake} = await mount();
    const csv = `User name,Password,Access key ID,Secret access key,Console login link\nabiquo-billing-user,,${PRICING_KEYS.accessKeyId},${PRICING_KEYS.secretAccessKey},\nabiquo-billing-user-public,,${LINKED_KEYS.accessKeyId},${LINKED_KEYS.secretAccessKey},\n`;
    paste(deep(el, 'boa-keys-input', '#paste'), csv);
    await waitUntil(() => fake.verifyCalls.length > 0, 'the keys were never checked');
    expect(fake.verifyCalls.map((call) => call.input.keys)).to.deep.equal([LINKED_KEYS]);
  });

  it('adds nothing when the pasted secret is wrong', async () => {
    const {el, fake} = await mount();
    await fill(el, 'Acme prod', WRONG_SECRET_KEYS);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(fake.abiquo.addedAccounts).to.be.empty;
  });

  const submit = async (el: BoaLinkedAccounts) => {
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
  };

  it('matches keys given for an enterprise that already has credentials with it, keeping its credentials', async () => {
    const accounts = [{enterpriseId: 50, name: 'Retail', hasAmazonCredentials: true}];
    const fake = fakeServices({linked: accounts});
    const el = await fixture<BoaLinkedAccounts>(html`<boa-linked-accounts .services=${fake.services} .accounts=${accounts}></boa-linked-accounts>`);
    const changes: (readonly LinkedAccount[])[] = [];
    el.addEventListener('boa-linked-accounts-change', (event) => changes.push(event.detail.accounts));
    await fill(el, 'Retail', LINKED_KEYS);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(el).includes('already has Amazon credentials in this scope: they were kept'), 'the outcome never showed');
    expect(fake.abiquo.addedAccounts).to.be.empty;
    expect(changes.at(-1)).to.deep.equal([{enterpriseId: 50, name: 'Retail', hasAmazonCredentials: true, awsAccountId: LINKED_ACCOUNT}]);
  });

  it('refuses keys of an account already used on this screen, and adds them only when the operator deliberately overrides', async () => {
    const {el, fake} = await mount();
    await fill(el, 'Acme prod', SAME_ACCOUNT_KEYS);
    await submit(el);
    expect(text(el)).to.contain('already used here by the pricing credentials');
    expect(fake.abiquo.addedAccounts).to.be.empty;
    el.shadowRoot!.querySelector<HTMLInputElement>('#override')!.click();
    await submit(el);
    await waitUntil(() => fake.abiquo.addedAccounts.length === 1, 'the override did not add');
  });

  it("refuses the pricing user's keys outright: no override is offered", async () => {
    const {el, fake} = await mount();
    await fill(el, 'Acme prod', PRICING_KEYS);
    await submit(el);
    expect(text(el)).to.contain('These are the keys of abiquo-billing-user');
    expect(el.shadowRoot!.querySelector('#override')!.closest('[hidden]')).to.exist;
    expect(fake.abiquo.addedAccounts).to.be.empty;
  });

  it('completes an enterprise listed without credentials from its own row, the add form opened with its name', async () => {
    const {el, fake} = await mount();
    const form = el.shadowRoot!.querySelector('form')!;
    expect(form.hidden, 'the add form shows on demand').to.be.true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-enterprise="9"] button')!.click();
    await el.updateComplete;
    expect(form.hidden).to.be.false;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value).to.equal('Acme dev');
    await expect(el).to.be.accessible();
    el.addEventListener('boa-linked-accounts-change', (event) => (el.accounts = event.detail.accounts));
    paste(deep(el, 'boa-keys-input', '#paste'), accessKeysCsv(LINKED_KEYS));
    await waitUntil(() => deep(el, 'boa-check-list').shadowRoot!.querySelector('li[data-code="STS_IDENTITY_OK"]'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(el).includes('Enterprise Acme dev already existed in this scope without AWS credentials'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(1);
    expect(text(el.shadowRoot!.querySelector('tr[data-enterprise="9"]')!)).to.contain('Present');
    expect(fake.abiquo.addedAccounts).to.have.length(1);
  });

  it('after a half-done add shows the cause too, and lists the enterprise without credentials', async () => {
    const {el, fake} = await mount();
    fake.abiquo.failNext.set('addLinkedAccount', {
      code: 'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED',
      facts: {name: 'Acme prod', enterpriseId: 31, cause: 'ABIQUO_SERVER', status: 503},
    });
    el.addEventListener('boa-linked-accounts-change', (event) => (el.accounts = event.detail.accounts));
    await fill(el, 'Acme prod', LINKED_KEYS);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(el).includes('exists without its AWS credentials'));
    expect(text(el)).to.contain('The Abiquo server failed (HTTP 503)');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('tr[data-enterprise="31"]')!)).to.contain('Missing');
  });

  it('says why Add account did nothing when the keys are missing', async () => {
    const {el, fake} = await mount();
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    field.value = 'Acme prod';
    field.dispatchEvent(new InputEvent('input'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    const alert = [...el.shadowRoot!.querySelectorAll('[role="alert"]')].find(
      (a) => !a.hasAttribute('hidden') && a.textContent!.includes('abiquo-billing-user-public'),
    );
    expect(alert?.textContent).to.contain('paste them above');
    expect(fake.abiquo.addedAccounts).to.be.empty;
  });

  it('shows a load failure with its facts', async () => {
    const {el} = await mount();
    el.loadFailure = {code: 'ABIQUO_FORBIDDEN', facts: {privilege: '“Manage enterprises” (USERS_MANAGE_ENTERPRISE)'}};
    await el.updateComplete;
    expect(text(el)).to.contain('lacks the privilege “Manage enterprises” (USERS_MANAGE_ENTERPRISE)');
  });

  it('refuses a key pasted into the enterprise name, and sends nothing', async () => {
    const {el, fake} = await mount();
    await fill(el, LINKED_KEYS.secretAccessKey, LINKED_KEYS);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('Enterprise name: this looks like an AWS key, not a name');
    expect(fake.abiquo.addedAccounts).to.be.empty;
  });

  it('asks for a name before adding', async () => {
    const {el, fake} = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('Enterprise name: enter a name');
    expect(fake.verifyCalls).to.be.empty;
  });
});
