/**
 * The key-entry form as an extension-origin frame (`keys-frame.html`): typing, pasting and dropping happen in
 * the extension's document, whose DOM and events the console page cannot reach. The frame and this content script
 * talk over a MessagePort handed to the frame with a one-time token from the worker (keys-frame-pairing.ts), so
 * neither the page nor a page that frames `keys-frame.html` itself can join the channel. The pairing carries the
 * tab's look, so the form in the frame looks like the rest of the tab.
 */
import type {AwsKeys} from '../aws/types.ts';
import type {KeyEntry, KeyEntryState} from '../components/services.ts';
import {themeProperties, type Theme} from '../shared/theme.ts';
import {sendRequest} from '../messaging/client.ts';
import type {MessageKey, Translate} from '../shared/translate.ts';
import type {KeysFrameIn, KeysFrameOut, KeysFramePairing} from '../messaging/keys-frame.ts';
import {isKeysFrameOut, isSafeThemeValue} from '../messaging/keys-frame.ts';

/**
 * How long a paired frame has to show its form (it says it is ready then), and how often it is loaded again.
 * Generous: a loaded machine may take seconds to start a frame, and loading it again only costs it more.
 */
const PAIRING_ANSWER_MS = 8_000;
const PAIRING_RETRIES = 3;

export function framedKeyEntry(t: Translate, language: string, onKeys: (keys: AwsKeys | undefined) => void): KeyEntry {
  const frame = document.createElement('iframe');
  // Where the form cannot be paired (the extension was reloaded under this page), it says so instead of staying blank.
  const problem = document.createElement('p');
  problem.className = 'alert alert--fail';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  const element = document.createElement('div');
  element.append(frame, problem);
  frame.src = chrome.runtime.getURL('keys-frame.html');
  Object.assign(frame.style, {display: 'block', width: '100%', height: '9rem', border: '0'});
  let port: MessagePort | undefined;
  let state: KeyEntryState | undefined;
  const send = (message: KeysFrameIn) => port?.postMessage(message);

  // A frame whose claim did not go through (the worker was busy starting) never shows its form: it is loaded
  // again, a few times, before the tab says the extension cannot be reached.
  let retries = 0;
  let unanswered: ReturnType<typeof setTimeout> | undefined;

  // Each load (also after the frame moved in the page) is a fresh document: pair it again and give it the state.
  frame.addEventListener('load', () => {
    port?.close();
    port = undefined;
    void sendRequest('keys/pair', {}).then((reply) => {
      problem.hidden = reply.ok;
      problem.textContent = reply.ok ? '' : t(`messaging_${reply.code}` as MessageKey);
      if (!reply.ok || !frame.contentWindow) return;
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = (event: MessageEvent<unknown>) => {
        clearTimeout(unanswered);
        retries = 0;
        receive(event.data);
      };
      const pairing: KeysFramePairing = {boa: 'keys-pair', token: reply.value.token, language, theme: inheritedTheme(element)};
      frame.contentWindow.postMessage(pairing, new URL(frame.src).origin, [channel.port2]);
      if (state) send({type: 'state', state});
      clearTimeout(unanswered);
      unanswered = setTimeout(() => {
        if (retries++ < PAIRING_RETRIES) return void (frame.src = chrome.runtime.getURL('keys-frame.html'));
        problem.hidden = false;
        problem.textContent = t('messaging_EXTENSION_RELOADED');
      }, PAIRING_ANSWER_MS);
    });
  });

  const receive = (message: unknown) => {
    if (!isKeysFrameOut(message)) return;
    const out: KeysFrameOut = message;
    if (out.type === 'keys') onKeys(out.keys);
    else if (out.type === 'height') frame.style.height = `${Math.ceil(out.height)}px`;
  };

  return {
    element,
    update(next) {
      state = next;
      frame.title = next.heading;
      send({type: 'state', state: next});
    },
    clear: () => send({type: 'clear'}),
    focus() {
      frame.focus();
      send({type: 'focus'});
    },
    dispose() {
      clearTimeout(unanswered);
      port?.close();
      port = undefined;
    },
  };
}

/**
 * The tab's look where the form is placed: the `--boa-*` properties its host carries (console-theme.ts), inherited
 * down to `element`. Only the values the frame accepts: the page can set these too, and a value it spoiled must
 * not cost the frame its pairing, only that part of the look.
 */
function inheritedTheme(element: Element): Theme {
  const style = getComputedStyle(element);
  const entries = Object.entries(themeProperties).map(([name, property]) => [name, style.getPropertyValue(property).trim()]);
  return Object.fromEntries(entries.filter(([, value]) => isSafeThemeValue(value))) as Theme;
}
