import {expect} from '@open-wc/testing';
import {mountBillingTab, placeholderPanel} from './mount-billing-tab.ts';
import {findEnterpriseDialogs} from './find-enterprise-dialog.ts';
import {loadConsoleFixture as loadFixture} from '../../test/helpers/console-fixture.ts';

async function dialog(): Promise<Element> {
  return findEnterpriseDialogs(await loadFixture('enterprise-dialog.3x.en.html'))[0]!;
}

// The console's tab links carry no href and its panes no id (its AngularJS templates): found by label and position.
const consoleTab = (modal: Element, label: string) =>
  [...modal.querySelectorAll<HTMLAnchorElement>('.tabbable > ul.nav-tabs > li > a')].find((a) => a.textContent?.trim() === label)!;
const generalPane = (modal: Element) => modal.querySelector('.tabbable > .tab-content > .tab-pane')!;

const panel = () => Object.assign(document.createElement('p'), {textContent: 'billing panel'});

describe('mountBillingTab', () => {
  it('adds one tab beside the console tabs, and mounting again changes nothing', async () => {
    const modal = await dialog();
    const controller = new AbortController();
    const first = mountBillingTab(modal, {label: 'Billing-only AWS', panel, signal: controller.signal});
    const second = mountBillingTab(modal, {label: 'Billing-only AWS', panel, signal: controller.signal});
    expect(first?.pane).to.equal(second?.pane);
    const strip = modal.querySelector('.tabbable > ul.nav-tabs')!;
    expect([...strip.querySelectorAll(':scope > li > a')].map((a) => a.textContent)).to.deep.equal([
      'General',
      'Allocation limits',
      'Datacenters',
      'Reservations',
      'Credentials',
      'Chef',
      'Pricing models',
      'Properties',
      'Billing-only AWS',
    ]);
    expect(modal.querySelectorAll('[data-boa-mounted]')).to.have.length(2);
  });

  it('shows our pane on click and gives the console its pane back when one of its tabs is clicked', async () => {
    const modal = await dialog();
    const mounted = mountBillingTab(modal, {label: 'Billing-only AWS', panel, signal: new AbortController().signal})!;
    const ours = modal.querySelector<HTMLAnchorElement>('li[data-boa-mounted] > a')!;
    ours.click();
    expect(mounted.pane.hidden).to.equal(false);
    expect(ours.getAttribute('aria-selected')).to.equal('true');
    expect(generalPane(modal).classList.contains('active')).to.equal(false);
    // The console believes General is still showing, so its handler does nothing: we must restore it.
    consoleTab(modal, 'General').click();
    await Promise.resolve();
    expect(mounted.pane.hidden).to.equal(true);
    expect(generalPane(modal).classList.contains('active')).to.equal(true);
  });

  it('gives a tab mounted early with a placeholder its panel when mounted again, keeping the early mount in charge', async () => {
    const modal = await dialog();
    const early = new AbortController();
    const first = mountBillingTab(modal, {label: 'Billing-only AWS', panel: placeholderPanel, signal: early.signal})!;
    expect(first.pane.querySelector('[aria-busy="true"]')).to.exist;
    const adopted = mountBillingTab(modal, {label: 'Billing-only AWS', panel, signal: new AbortController().signal})!;
    expect(adopted.pane).to.equal(first.pane);
    expect(adopted.pane.textContent).to.equal('billing panel');
    expect(modal.querySelectorAll('[data-boa-mounted]')).to.have.length(2);
    modal.querySelector<HTMLAnchorElement>('li[data-boa-mounted] > a')!.click();
    expect(adopted.pane.hidden).to.equal(false);
    early.abort();
    expect(modal.querySelectorAll('[data-boa-mounted]')).to.have.length(0);
  });

  it('gives the console its pane back when removed while showing (a placeholder whose UI never loaded)', async () => {
    const modal = await dialog();
    const early = new AbortController();
    mountBillingTab(modal, {label: 'Billing-only AWS', panel: placeholderPanel, signal: early.signal});
    modal.querySelector<HTMLAnchorElement>('li[data-boa-mounted] > a')!.click();
    expect(generalPane(modal).classList.contains('active')).to.equal(false);
    early.abort();
    await Promise.resolve();
    expect(modal.querySelectorAll('[data-boa-mounted]')).to.have.length(0);
    expect(generalPane(modal).classList.contains('active')).to.equal(true);
  });

  it('removes everything it added when its signal aborts', async () => {
    const modal = await dialog();
    const controller = new AbortController();
    mountBillingTab(modal, {label: 'Billing-only AWS', panel, signal: controller.signal});
    controller.abort();
    expect(modal.querySelectorAll('[data-boa-mounted]')).to.have.length(0);
  });

  it('returns nothing (and mounts nothing) for a dialog without a tab strip', () => {
    const bare = document.createElement('div');
    bare.className = 'modal';
    expect(mountBillingTab(bare, {label: 'x', panel, signal: new AbortController().signal})).to.equal(undefined);
  });
});
