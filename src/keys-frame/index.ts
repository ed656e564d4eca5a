/**
 * The key-entry frame (`keys-frame.html`, embedded by the content script in the tab's sections): the access key
 * form in the extension's own document. Once paired with the content script (frames/paired-page.ts), it shows the
 * form in the tab's look and sends the keys over that port only.
 */
import {defineKeysInput, inPageKeyEntry} from '../components/boa-keys-input/in-page-key-entry.ts';
import {whenPaired} from '../frames/paired-page.ts';
import {isKeysFrameIn, type KeysFrameOut} from '../messaging/keys-frame.ts';
import {createTranslator} from '../shared/i18n.ts';

defineKeysInput();
const app = document.querySelector<HTMLElement>('#app')!;

whenPaired(app, (port, language) => {
  const send = (message: KeysFrameOut) => port.postMessage(message);
  const entry = inPageKeyEntry(createTranslator(language), (keys) =>
    send({type: 'keys', keys: keys ? {accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey} : undefined}),
  );
  app.replaceChildren(entry.element);
  port.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isKeysFrameIn(message)) return;
    if (message.type === 'state') entry.update(message.state);
    else if (message.type === 'clear') entry.clear();
    else entry.focus();
  };
});
