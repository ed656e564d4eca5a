import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createTranslator} from '../../shared/i18n.ts';
import '../../../test/helpers/components.ts';
import type {BoaEnterprisePickedEvent} from '../events.ts';
import type {BoaEnterprisePicker} from './boa-enterprise-picker.ts';

const candidates = [
  {id: 42, name: 'Acme Customer Billing', keyNode: true, reseller: false},
  {id: 51, name: 'Initech Billing', keyNode: true, reseller: false},
];

describe('<boa-enterprise-picker>', () => {
  it('passes the accessibility audit', async () => {
    const el = await fixture<BoaEnterprisePicker>(html`<boa-enterprise-picker .t=${createTranslator('en')} .candidates=${candidates}></boa-enterprise-picker>`);
    await expect(el).to.be.accessible();
  });

  it('tells which enterprise the operator picked, with the keyboard only', async () => {
    const el = await fixture<BoaEnterprisePicker>(html`<boa-enterprise-picker .t=${createTranslator('en')} .candidates=${candidates}></boa-enterprise-picker>`);
    el.shadowRoot!.querySelector('select')!.focus();
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Tab'});
    const picked = oneEvent(el, 'boa-enterprise-picked') as Promise<BoaEnterprisePickedEvent>;
    await sendKeys({press: 'Enter'});
    expect((await picked).detail.enterpriseId).to.equal(51);
  });

  it("preselects the keynode named in the dialog, and says so when the dialog's enterprise is not one", async () => {
    const t = createTranslator('en');
    const named = await fixture<BoaEnterprisePicker>(
      html`<boa-enterprise-picker .t=${t} .candidates=${candidates} .dialogName=${'Initech Billing'}></boa-enterprise-picker>`,
    );
    expect(named.shadowRoot!.querySelector('select')!.value).to.equal('51');
    expect(named.shadowRoot!.textContent).to.contain("“Initech Billing”, the name in the console's enterprise dialog, is preselected");
    const other = await fixture<BoaEnterprisePicker>(
      html`<boa-enterprise-picker .t=${t} .candidates=${candidates} .dialogName=${'Globex'}></boa-enterprise-picker>`,
    );
    expect(other.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('that enterprise is not a keynode');
    await expect(other).to.be.accessible();
  });

  it('says what to do when no keynode is visible, in Spanish', async () => {
    const el = await fixture<BoaEnterprisePicker>(html`<boa-enterprise-picker .t=${createTranslator('es')} .candidates=${[]}></boa-enterprise-picker>`);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('ninguna empresa nodo clave');
  });
});
