import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LINKED_KEYS, PRICING_KEYS} from '../../../test/helpers/fake-services.ts';
import {createTranslator} from '../../shared/i18n.ts';
import type {BoaKeysInputEvent} from '../events.ts';
import {activeDeep, allAttributes, paste, tabTo} from '../../../test/helpers/components.ts';
import {accessKeysCsv} from '../../../sandbox/aws/access-keys-csv.ts';
import type {BoaKeysInput} from './boa-keys-input.ts';
import {defineKeysInput} from './in-page-key-entry.ts';

defineKeysInput();

const mount = (expectedUserName?: string) =>
  fixture<BoaKeysInput>(
    html`<boa-keys-input .t=${createTranslator('en')} heading="Pricing credentials" .expectedUserName=${expectedUserName}></boa-keys-input>`,
  );

/** The older IAM download, credentials.csv: a row per user (AWS's documented columns). */
const credentialsCsv = (...rows: (readonly [string, {accessKeyId: string; secretAccessKey: string}])[]) =>
  `User name,Password,Access key ID,Secret access key,Console login link\r\n${rows
    .map(([user, keys]) => `${user},,${keys.accessKeyId},${keys.secretAccessKey},https://123456789012.signin.aws.amazon.com/console`)
    .join('\r\n')}\r\n`;
const alertShown = (el: BoaKeysInput) => !el.shadowRoot!.querySelector('[role="alert"]')!.hasAttribute('hidden');
const choices = (el: BoaKeysInput) => Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.choices button'));

describe('<boa-keys-input>', () => {
  it('passes the accessibility audit', async () => {
    await expect(await mount()).to.be.accessible();
  });

  it('reads a pasted accessKeys.csv into keys without leaving the secret in the paste area or any attribute', async () => {
    const el = await mount();
    const area = el.shadowRoot!.querySelector('textarea')!;
    let inserted: boolean | undefined;
    setTimeout(() => (inserted = paste(area, accessKeysCsv(PRICING_KEYS))));
    const event = (await oneEvent(el, 'boa-keys-input')) as unknown as BoaKeysInputEvent;
    expect(event.keys).to.deep.equal(PRICING_KEYS);
    // A real paste would put the CSV in the area unless the paste is prevented (a synthetic one never would).
    expect(inserted, 'the paste was not prevented').to.equal(false);
    expect(allAttributes(el).join('\n')).not.to.contain(PRICING_KEYS.secretAccessKey);
    expect(el.shadowRoot!.innerHTML).not.to.contain(PRICING_KEYS.secretAccessKey);
  });

  it('reads pasted CloudFormation Outputs', async () => {
    const el = await mount();
    const outputs = `Key\tValue\tDescription\nAccessKeyId\t${PRICING_KEYS.accessKeyId}\tAccess key\nSecretAccessKey\t${PRICING_KEYS.secretAccessKey}\tSecret`;
    setTimeout(() => paste(el.shadowRoot!.querySelector('textarea')!, outputs));
    expect(((await oneEvent(el, 'boa-keys-input')) as unknown as BoaKeysInputEvent).keys).to.deep.equal(PRICING_KEYS);
  });

  it('uses secure field settings for the secret', async () => {
    const el = await mount();
    const secret = el.shadowRoot!.querySelector<HTMLInputElement>('#secret')!;
    expect(secret.type).to.equal('password');
    expect(secret.getAttribute('autocomplete')).to.equal('off');
    expect(secret.getAttribute('spellcheck')).to.equal('false');
  });

  it('says what to paste when the text holds no keys, and fires nothing', async () => {
    const el = await mount();
    let fired = false;
    el.addEventListener('boa-keys-input', () => (fired = true));
    paste(el.shadowRoot!.querySelector('textarea')!, 'hello world');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.hasAttribute('hidden')).to.be.false;
    expect(fired).to.be.false;
  });

  it('reads keys typed (not pasted) into the paste area once the operator pauses, and empties the area', async () => {
    const el = await mount();
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.focus();
    let keys: BoaKeysInputEvent['keys'];
    el.addEventListener('boa-keys-input', (event) => (keys = event.keys));
    await sendKeys({type: `${PRICING_KEYS.accessKeyId}  ${PRICING_KEYS.secretAccessKey}`});
    await waitUntil(() => keys !== undefined, 'typed keys were never read', {timeout: 5000});
    expect(keys).to.deep.equal(PRICING_KEYS);
    expect(area.value, 'the secret is not left in plain text').to.equal('');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#key-id')!.value).to.equal(PRICING_KEYS.accessKeyId);
    expect(alertShown(el)).to.be.false;
  });

  it('says "no keys found" for typed text once it could hold keys, or when the operator leaves the area', async () => {
    const el = await mount();
    let fired = false;
    el.addEventListener('boa-keys-input', () => (fired = true));
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.focus();
    await sendKeys({type: 'hello'});
    await el.updateComplete;
    expect(alertShown(el), 'not while typing a short text').to.be.false;
    await sendKeys({press: 'Tab'});
    await waitUntil(() => alertShown(el), 'leaving the area said nothing');
    // Typed on, past what a key pair needs: said after a pause, without leaving the area.
    el.clear();
    await el.updateComplete;
    area.focus();
    await sendKeys({type: `${PRICING_KEYS.accessKeyId} is the key ID, and the secret is not typed here yet`});
    await waitUntil(() => alertShown(el), 'a pause after complete text said nothing', {timeout: 5000});
    expect(fired).to.be.false;
  });

  it("takes the expected IAM user's row from a CSV of several users, not the first", async () => {
    const el = await mount('abiquo-billing-user');
    setTimeout(() =>
      paste(el.shadowRoot!.querySelector('textarea')!, credentialsCsv(['abiquo-billing-user-public', LINKED_KEYS], ['abiquo-billing-user', PRICING_KEYS])),
    );
    expect(((await oneEvent(el, 'boa-keys-input')) as unknown as BoaKeysInputEvent).keys).to.deep.equal(PRICING_KEYS);
    expect(choices(el)).to.have.length(0);
  });

  it('asks which row of a CSV of several users when none is the expected user, and the keyboard alone can choose', async () => {
    const el = await mount('abiquo-billing-user');
    let fired = 0;
    el.addEventListener('boa-keys-input', () => fired++);
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.focus();
    paste(area, credentialsCsv(['alice', PRICING_KEYS], ['bob', LINKED_KEYS]));
    await el.updateComplete;
    expect(fired, 'nothing is guessed').to.equal(0);
    expect(el.shadowRoot!.querySelector('.choices legend')!.textContent).to.contain("isn't clear which are abiquo-billing-user's");
    expect(choices(el).map((b) => b.textContent)).to.deep.equal(['alice (AKIA…MPLE)', 'bob (AKIA…E234)']);
    expect(allAttributes(el).join('\n')).not.to.contain(LINKED_KEYS.secretAccessKey);
    expect(el.shadowRoot!.innerHTML).not.to.contain(LINKED_KEYS.secretAccessKey);
    expect(el.shadowRoot!.innerHTML).not.to.contain(LINKED_KEYS.accessKeyId);
    await expect(el).to.be.accessible();
    await tabTo((active) => active.textContent === 'bob (AKIA…E234)');
    setTimeout(() => void sendKeys({press: 'Enter'}));
    const event = (await oneEvent(el, 'boa-keys-input')) as unknown as BoaKeysInputEvent;
    expect(event.keys).to.deep.equal(LINKED_KEYS);
    await el.updateComplete;
    expect(choices(el)).to.have.length(0);
    await waitUntil(() => activeDeep()?.id === 'key-id', 'focus was lost with the choice');
  });

  it('asks which of several pasted accessKeys.csv (no user column) by masked key ID; a later paste or clear() forgets the rows', async () => {
    const el = await mount();
    paste(el.shadowRoot!.querySelector('textarea')!, accessKeysCsv(PRICING_KEYS) + accessKeysCsv(LINKED_KEYS));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.choices legend')!.textContent).to.contain('several access keys');
    expect(choices(el).map((b) => b.textContent)).to.deep.equal(['AKIA…MPLE', 'AKIA…E234']);
    // A later paste without keys replaces the choice with "no keys found".
    paste(el.shadowRoot!.querySelector('textarea')!, 'hello world');
    await el.updateComplete;
    expect(choices(el)).to.have.length(0);
    expect(alertShown(el)).to.be.true;
    paste(el.shadowRoot!.querySelector('textarea')!, accessKeysCsv(PRICING_KEYS) + accessKeysCsv(LINKED_KEYS));
    await el.updateComplete;
    expect(choices(el)).to.have.length(2);
    expect(alertShown(el)).to.be.false;
    el.clear();
    await el.updateComplete;
    expect(choices(el)).to.have.length(0);
  });

  it('moves focus from the fields to "Change keys" when the keys are accepted, and back only through "Change keys"', async () => {
    const el = await mount();
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.focus();
    setTimeout(() => paste(area, accessKeysCsv(PRICING_KEYS)));
    await oneEvent(el, 'boa-keys-input');
    el.accepted = true;
    await el.updateComplete;
    expect(activeDeep()?.textContent).to.contain('Change keys');
    // A parent clearing the keys after a save does not pull focus into the form…
    el.clear();
    el.accepted = false;
    await el.updateComplete;
    expect(activeDeep()?.id).not.to.equal('key-id');
    // …but "Change keys" does.
    setTimeout(() => paste(area, accessKeysCsv(PRICING_KEYS)));
    await oneEvent(el, 'boa-keys-input');
    el.accepted = true;
    await el.updateComplete;
    setTimeout(() => el.shadowRoot!.querySelector('button')!.click());
    await oneEvent(el, 'boa-keys-input');
    await el.updateComplete;
    expect(activeDeep()?.id).to.equal('key-id');
  });

  it('ties a failing check to its field', async () => {
    const el = await mount();
    el.errors = {secretAccessKey: "Secret access key: it doesn't match this access key ID."};
    await el.updateComplete;
    const secret = el.shadowRoot!.querySelector<HTMLInputElement>('#secret')!;
    expect(secret.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(secret.getAttribute('aria-describedby')!)!.textContent).to.contain("doesn't match");
    expect(el.shadowRoot!.querySelector('#key-id')!.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('shows only the masked key ID once accepted, and clear() forgets the keys', async () => {
    const el = await mount();
    setTimeout(() => paste(el.shadowRoot!.querySelector('textarea')!, accessKeysCsv(PRICING_KEYS)));
    await oneEvent(el, 'boa-keys-input');
    el.accepted = true;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('AKIA…MPLE');
    expect(el.shadowRoot!.textContent).not.to.contain(PRICING_KEYS.accessKeyId);
    await expect(el).to.be.accessible();
    el.clear();
    el.accepted = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#key-id')!.value).to.equal('');
  });
});
