import {expect, waitUntil} from '@open-wc/testing';
import {createTranslator} from '../shared/i18n.ts';
import {framedKeyEntry} from './framed-key-entry.ts';

describe('framedKeyEntry', () => {
  const saved = globalThis.chrome;
  afterEach(() => ((globalThis as {chrome?: unknown}).chrome = saved));

  it('says the extension was reloaded, instead of a blank form, when the worker cannot pair the frame', async () => {
    // An orphaned content script: its extension context is gone, as after an update.
    const runtime = {
      id: 'boaextensionidfortests',
      getURL: (path: string) => `data:text/html,<p>${path}</p>`,
      sendMessage: async () => {
        throw new Error('Extension context invalidated.');
      },
    };
    (globalThis as {chrome?: unknown}).chrome = {runtime};
    const entry = framedKeyEntry(createTranslator('en'), 'en', () => undefined);
    document.body.append(entry.element);
    const alert = () => entry.element.querySelector<HTMLElement>('[role="alert"]')!;
    await waitUntil(() => !alert().hidden, 'no message appeared');
    expect(alert().textContent).to.equal('The extension was updated or reloaded. Reload the console page to continue.');
    entry.element.remove();
  });

  it("pairs the frame with the tab's look it is placed in, leaving out a value the page spoiled", async () => {
    // An empty page of this origin stands in for keys-frame.html, so the test can read what the pairing carries.
    const blank = URL.createObjectURL(new Blob(['<!doctype html><title>keys frame</title>'], {type: 'text/html'}));
    const runtime = {
      id: 'boaextensionidfortests',
      getURL: () => blank,
      sendMessage: async () => ({ok: true, value: {token: 'one-time-token'}}),
    };
    (globalThis as {chrome?: unknown}).chrome = {runtime};
    const host = document.createElement('div');
    host.style.setProperty('--boa-primary-bg', 'rgb(0, 105, 192)');
    host.style.setProperty('--boa-font-family', '"Helvetica Neue", Arial, sans-serif');
    host.style.setProperty('--boa-secondary-bg', 'url(https://attacker.example/leak)');
    const entry = framedKeyEntry(createTranslator('en'), 'en', () => undefined);
    const frame = entry.element.querySelector('iframe')!;
    const pairings: unknown[] = [];
    frame.addEventListener('load', () => frame.contentWindow!.addEventListener('message', (event) => pairings.push(event.data)));
    host.append(entry.element);
    document.body.append(host);
    await waitUntil(() => pairings.length > 0, 'the frame was not paired');
    expect(pairings[0]).to.deep.equal({
      boa: 'frame-pair',
      token: 'one-time-token',
      language: 'en',
      theme: {primaryBg: 'rgb(0, 105, 192)', fontFamily: '"Helvetica Neue", Arial, sans-serif'},
    });
    entry.dispose();
    host.remove();
    URL.revokeObjectURL(blank);
  });
});
