/**
 * The key-entry form as an extension-origin frame (`keys-frame.html`): typing, pasting and dropping happen in
 * the extension's document, whose DOM and events the console page cannot reach (paired-frame.ts).
 */
import type {AwsKeys} from '../aws/types.ts';
import type {KeyEntry, KeyEntryState} from '../components/services.ts';
import {isKeysFrameOut, type KeysFrameIn} from '../messaging/keys-frame.ts';
import type {Translate} from '../shared/translate.ts';
import {pairedFrame} from './paired-frame.ts';

export function framedKeyEntry(t: Translate, language: string, onKeys: (keys: AwsKeys | undefined) => void): KeyEntry {
  let state: KeyEntryState | undefined;
  const paired = pairedFrame({
    page: 'keys-frame.html',
    t,
    language,
    initialHeight: '9rem',
    receive: (message) => {
      if (isKeysFrameOut(message) && message.type === 'keys') onKeys(message.keys);
    },
    onPaired: () => state && send({type: 'state', state}),
  });
  const send = (message: KeysFrameIn) => paired.send(message);
  return {
    element: paired.element,
    update(next) {
      state = next;
      paired.frame.title = next.heading;
      send({type: 'state', state: next});
    },
    clear: () => send({type: 'clear'}),
    focus() {
      paired.frame.focus();
      send({type: 'focus'});
    },
    dispose: paired.dispose,
  };
}
