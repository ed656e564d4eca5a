import {expect, waitUntil} from '@open-wc/testing';
import type {BoaBillingTab} from '../components/boa-billing-tab/boa-billing-tab.ts';
import {BoaRestoreOfferEvent} from '../components/events.ts';
import {createTranslator} from '../shared/i18n.ts';
import {RestoreAfterSave} from './restore-after-save.ts';

/** A stand-in for the tab: what the controller calls on it, counted. */
function fakeTab(lost: boolean) {
  const calls = {consoleSaved: 0, focusRestore: 0};
  const element = Object.assign(document.createElement('div'), {
    services: {t: createTranslator('en')},
    consoleSaved: async () => (calls.consoleSaved++, lost),
    focusRestore: async () => void calls.focusRestore++,
  }) as unknown as BoaBillingTab;
  return {element, calls};
}

const mounted = {pane: document.createElement('div'), activate: () => undefined, setLabel: () => undefined};
const panels = () => document.querySelectorAll('section[data-boa-mounted]');

describe('RestoreAfterSave', () => {
  afterEach(() => panels().forEach((panel) => panel.remove()));

  it("checks only the tab whose dialog's Save was clicked, for that enterprise's write", async () => {
    const restore = new RestoreAfterSave(new AbortController().signal);
    const saved = fakeTab(false);
    const other = fakeTab(false);
    const tab = restore.track(saved.element, {kind: 'dialog', mounted}, new AbortController().signal);
    restore.resolved(tab, 7);
    restore.resolved(restore.track(other.element, {kind: 'dialog', mounted}, new AbortController().signal), 7);
    await restore.propertiesWritten(7);
    expect(saved.calls.consoleSaved, 'no Save clicked yet').to.equal(0);
    tab.consoleSaving = true;
    await restore.propertiesWritten(8);
    expect(saved.calls.consoleSaved, 'another enterprise').to.equal(0);
    await restore.propertiesWritten(7);
    expect([saved.calls.consoleSaved, other.calls.consoleSaved]).to.deep.equal([1, 0]);
    await restore.propertiesWritten(7);
    expect(saved.calls.consoleSaved, 'one Save, one check').to.equal(1);
  });

  it('moves a tab whose values were lost to a floating panel when its dialog closes, with Restore focused', async () => {
    const restore = new RestoreAfterSave(new AbortController().signal);
    const {element, calls} = fakeTab(true);
    const dialog = new AbortController();
    const tab = restore.track(element, {kind: 'dialog', mounted}, dialog.signal);
    restore.resolved(tab, 7);
    tab.consoleSaving = true;
    await restore.propertiesWritten(7);
    expect(panels()).to.have.length(0);
    dialog.abort();
    await waitUntil(() => panels().length === 1, 'no floating panel');
    expect(panels()[0]!.contains(element)).to.be.true;
    expect(calls.focusRestore).to.equal(1);
  });

  it("offers what an enterprise's Save lost to the next tab of that enterprise, and forgets it once restored", () => {
    const restore = new RestoreAfterSave(new AbortController().signal);
    const first = restore.track(fakeTab(true).element, {kind: 'dialog', mounted}, new AbortController().signal);
    const values = {amazon_bucket: 'billing-bucket'};
    first.element.dispatchEvent(new BoaRestoreOfferEvent({values}));
    expect(restore.resolved(restore.track(fakeTab(false).element, {kind: 'floating'}), 7), 'not resolved when offered').to.be.undefined;
    restore.resolved(first, 7);
    first.element.dispatchEvent(new BoaRestoreOfferEvent({values}));
    expect(restore.resolved(restore.track(fakeTab(false).element, {kind: 'floating'}), 7)).to.deep.equal(values);
    first.element.dispatchEvent(new BoaRestoreOfferEvent({values: undefined}));
    expect(restore.resolved(restore.track(fakeTab(false).element, {kind: 'floating'}), 7)).to.be.undefined;
  });
});
