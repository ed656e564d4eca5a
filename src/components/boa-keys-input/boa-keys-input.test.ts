import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {PRICING_KEYS} from '../../../test/helpers/fake-services.ts';
import {createTranslator} from '../../shared/i18n.ts';
import type {BoaKeysInputEvent} from '../events.ts';
import {accessKeysCsv, activeDeep, allAttributes, paste} from '../shared/test-utils.ts';
import type {BoaKeysInput} from './boa-keys-input.ts';
import {defineKeysInput} from './in-page-key-entry.ts';

defineKeysInput();

const mount = () => fixture<BoaKeysInput>(html`<boa-keys-input .t=${createTranslator('en')} heading="Pricing credentials"></boa-keys-input>`);

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
