import {expect, fixture, html} from '@open-wc/testing';
import {createTranslator} from '../../shared/i18n.ts';
import '../../../test/helpers/components.ts';
import type {BoaKeynodeExplanation} from './boa-keynode-explanation.ts';

describe('<boa-keynode-explanation>', () => {
  it('passes the accessibility audit', async () => {
    const el = await fixture<BoaKeynodeExplanation>(
      html`<boa-keynode-explanation .t=${createTranslator('en')} .enterpriseName=${'Acme'}></boa-keynode-explanation>`,
    );
    await expect(el).to.be.accessible();
  });

  it('names the enterprise and says what to do, in Spanish', async () => {
    const el = await fixture<BoaKeynodeExplanation>(
      html`<boa-keynode-explanation .t=${createTranslator('es')} .enterpriseName=${'Acme'}></boa-keynode-explanation>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Acme no es una empresa nodo clave');
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(2);
    expect(el.shadowRoot!.textContent).to.contain('marca «Nodo clave», pulsa Guardar');
  });
});
