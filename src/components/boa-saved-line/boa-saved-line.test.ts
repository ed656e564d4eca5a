import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {createTranslator} from '../../shared/i18n.ts';
import type {SetupFacts} from '../boa-setup-status/setup-items.ts';
import '../../../test/helpers/components.ts';
import type {BoaSavedLine} from './boa-saved-line.ts';
import {savedLine} from './saved-line.ts';

describe('<boa-saved-line>', () => {
  it('leads with one line of what is saved on the keynode and what was only checked, with the way to Apply', async () => {
    const facts: SetupFacts = {
      keynode: {
        enterprise: {id: 7, name: 'Acme', keyNode: true, reseller: false},
        properties: {amazon_bucket: 'b', amazon_report_name: 'r', amazon_mpa: 'shared'},
        hasPricingCredentials: false,
      },
      linked: [
        {enterpriseId: 8, name: 'Retail', hasAmazonCredentials: true},
        {enterpriseId: 9, name: 'Wholesale', hasAmazonCredentials: false},
      ],
      pricingVerified: true,
      desired: undefined,
      required: ['amazon_bucket', 'amazon_report_name'],
    };
    const el = await fixture<BoaSavedLine>(html`<boa-saved-line .t=${createTranslator('en')} .line=${savedLine(facts)}></boa-saved-line>`);
    await expect(el).to.be.accessible();
    const line = el.shadowRoot!.querySelector<HTMLElement>('p')!;
    expect(line.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Saved on Acme: 3 amazon_* properties, AWS keys of 1 of 2 linked enterprises. Not saved: the pricing keys checked here. Go to Apply',
    );
    setTimeout(() => line.querySelector('button')!.click());
    expect((await oneEvent(el, 'boa-fix')).detail.section).to.equal('properties');
    const partial = savedLine({
      ...facts,
      keynode: {...facts.keynode, properties: {amazon_bucket: 'b'}, hasPricingCredentials: true},
      pricingVerified: undefined,
    });
    expect(partial.saved.map((phrase) => createTranslator('es')(phrase.key, phrase.facts))).to.deep.equal([
      'credenciales de precios',
      '1 de las 2 propiedades amazon_* necesarias',
      'claves de AWS de 1 de 2 empresas vinculadas',
    ]);
    expect(partial.unsaved).to.deep.equal([]);
  });

  it('says nothing is saved when only linked enterprises without keys exist', async () => {
    const facts: SetupFacts = {
      keynode: {enterprise: {id: 7, name: 'Acme', keyNode: true, reseller: false}, properties: {}, hasPricingCredentials: false},
      linked: [{enterpriseId: 9, name: 'Wholesale', hasAmazonCredentials: false}],
      pricingVerified: undefined,
      desired: undefined,
      required: ['amazon_bucket'],
    };
    const el = await fixture<BoaSavedLine>(html`<boa-saved-line .t=${createTranslator('es')} .line=${savedLine(facts)}></boa-saved-line>`);
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Aún no hay nada guardado en Acme.');
    expect(el.shadowRoot!.querySelector('button')).to.be.null;
  });
});
