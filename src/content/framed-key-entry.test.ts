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
});
