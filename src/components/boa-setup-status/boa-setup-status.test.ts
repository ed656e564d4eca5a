import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {createTranslator} from '../../shared/i18n.ts';
import '../../../test/helpers/components.ts';
import type {BoaSetupStatus} from './boa-setup-status.ts';
import {savedLine} from '../boa-saved-line/saved-line.ts';
import {setupItems, type SetupFacts} from './setup-items.ts';

const items = setupItems({
  keynode: {
    enterprise: {id: 7, name: 'Acme', keyNode: true, reseller: false},
    properties: {amazon_bucket: 'billing-bucket'},
    hasPricingCredentials: false,
    scope: {id: 3, name: 'Acme scope', computeResources: 2},
  },
  linked: [],
  pricingVerified: undefined,
  desired: undefined,
  required: ['amazon_bucket', 'amazon_report_name'],
});

const mount = (language = 'en') => fixture<BoaSetupStatus>(html`<boa-setup-status .t=${createTranslator(language)} .items=${items}></boa-setup-status>`);

describe('<boa-setup-status>', () => {
  it('passes the accessibility audit', async () => {
    await expect(await mount()).to.be.accessible();
  });

  it('lists each part of the setup with its status and reason', async () => {
    const el = await mount();
    const lines = Object.fromEntries([...el.shadowRoot!.querySelectorAll('li')].map((li) => [li.dataset.item, li.dataset.status]));
    expect(lines).to.deep.equal({scope: 'warn', pricing: 'fail', properties: 'fail', linked: 'warn'});
    expect(el.shadowRoot!.textContent).to.contain('Missing properties: amazon_report_name');
    expect(el.shadowRoot!.textContent).to.contain('Scope Acme scope has compute resources (datacenters or regions: 2)');
  });

  it('does not show keys that were checked but not saved as done', async () => {
    const base = {
      keynode: {enterprise: {id: 7, name: 'Acme', keyNode: true, reseller: false}, properties: {}, hasPricingCredentials: false},
      linked: [],
      desired: undefined,
      required: [],
    };
    const unsaved = setupItems({...base, pricingVerified: true}).find((item) => item.id === 'pricing')!;
    expect([unsaved.status, unsaved.reason]).to.deep.equal(['pass', 'tab_setup_pricing_checked']);
    expect(savedLine({...base, pricingVerified: true}).unsaved.map((phrase) => phrase.key)).to.deep.equal(['tab_unsaved_pricing']);
    const replacing = setupItems({...base, keynode: {...base.keynode, hasPricingCredentials: true}, pricingVerified: true}).find(
      (item) => item.id === 'pricing',
    )!;
    expect([replacing.status, replacing.reason]).to.deep.equal(['pass', 'tab_setup_pricing_verified']);
  });

  it('folds the lines in order away and keeps what needs doing in view', async () => {
    const facts: SetupFacts = {
      keynode: {
        enterprise: {id: 7, name: 'Acme', keyNode: true, reseller: false},
        properties: {},
        hasPricingCredentials: true,
        scope: {id: 3, name: 'S', computeResources: 0},
      },
      linked: [],
      pricingVerified: undefined,
      desired: undefined,
      required: ['amazon_bucket'],
    };
    const el = await fixture<BoaSetupStatus>(html`<boa-setup-status .t=${createTranslator('en')} .items=${setupItems(facts)}></boa-setup-status>`);
    const folded = el.shadowRoot!.querySelector('details')!;
    expect(folded.open).to.be.false;
    expect(folded.querySelector('summary')!.textContent).to.contain('In order: 2');
    expect([...folded.querySelectorAll('li')].map((li) => li.dataset.item)).to.deep.equal(['scope', 'pricing']);
    expect([...el.shadowRoot!.querySelector('ul')!.children].map((li) => (li as HTMLElement).dataset.item)).to.deep.equal(['properties', 'linked']);
  });

  it('fires boa-fix with the section of the line the operator chose', async () => {
    const el = await mount();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-item="pricing"] button')!;
    setTimeout(() => button.click());
    expect((await oneEvent(el, 'boa-fix')).detail.section).to.equal('pricing');
  });

  it('keeps Re-verify focusable while it runs, and ignores presses meanwhile', async () => {
    const el = await fixture<BoaSetupStatus>(html`<boa-setup-status .t=${createTranslator('en')} .items=${items} running></boa-setup-status>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!;
    expect(button.disabled).to.be.false;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    let fired = false;
    el.addEventListener('boa-reverify', () => (fired = true));
    button.click();
    expect(fired).to.be.false;
  });

  it('fires boa-reverify from Re-verify, in Spanish too', async () => {
    const el = await mount('es');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Volver a comprobar'))!;
    setTimeout(() => button.click());
    await oneEvent(el, 'boa-reverify');
  });
});
