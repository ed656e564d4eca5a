import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {PRICING_KEYS} from '../../../test/helpers/fake-services.ts';
import {createTranslator} from '../../shared/i18n.ts';
import {refuseSyntheticInput} from '../../console/refuse-synthetic-input.ts';
import type {BoaKeysInputEvent} from '../events.ts';
import {accessKeysCsv} from '../../../sandbox/aws/access-keys-csv.ts';
import type {BoaKeysInput} from './boa-keys-input.ts';
import {defineKeysInput} from './in-page-key-entry.ts';

defineKeysInput();

const mount = (language: 'en' | 'es') =>
  fixture<BoaKeysInput>(html`<boa-keys-input .t=${createTranslator(language)} heading="Pricing credentials"></boa-keys-input>`);
const part = (el: BoaKeysInput) => ({
  button: el.shadowRoot!.querySelector<HTMLButtonElement>('.file button')!,
  name: el.shadowRoot!.querySelector<HTMLElement>('#file-name')!,
  input: el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!,
});

describe('<boa-keys-input> file picker', () => {
  it('is our own button and text in the console\'s language, not the browser\'s English "Choose File / No file chosen"', async () => {
    const el = await mount('es');
    const {button, name, input} = part(el);
    expect(button.textContent).to.equal('Elegir archivo…');
    expect(name.textContent).to.equal('Ningún archivo elegido');
    expect(el.shadowRoot!.querySelector('#file-label')!.textContent).to.equal('O elige el archivo accessKeys.csv');
    expect(input.hidden, "the browser's own picker control is not shown").to.equal(true);
    expect(getComputedStyle(input).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('opens the file picker from the keyboard, also inside a host that refuses synthetic clicks', async () => {
    const el = await mount('en');
    refuseSyntheticInput(el);
    const {button, input} = part(el);
    let opened = 0;
    input.showPicker = () => void opened++;
    button.focus();
    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'Space'});
    expect(opened).to.equal(2);
  });

  it('reads the picked file and shows its name; a cleared form says no file again', async () => {
    const el = await mount('en');
    const {input} = part(el);
    const files = new DataTransfer();
    files.items.add(new File([accessKeysCsv(PRICING_KEYS)], 'accessKeys.csv', {type: 'text/csv'}));
    input.files = files.files;
    setTimeout(() => input.dispatchEvent(new Event('change')));
    const event = (await oneEvent(el, 'boa-keys-input')) as unknown as BoaKeysInputEvent;
    expect(event.keys).to.deep.equal(PRICING_KEYS);
    await waitUntil(() => part(el).name.textContent === 'accessKeys.csv', 'file name never shown');
    el.clear();
    await el.updateComplete;
    expect(part(el).name.textContent).to.equal('No file chosen');
  });
});
