/**
 * The key-entry frame (`keys-frame.html`, embedded by the content script in the tab's sections): the access key
 * form in the extension's own document. It waits for the content script's MessagePort, claims the port's token
 * with the worker (only its own tab's content script can have obtained it), then shows the form in the tab's look
 * and sends the keys over that port only.
 */
import {defineKeysInput, inPageKeyEntry} from '../components/boa-keys-input/in-page-key-entry.ts';
import type {Theme} from '../shared/theme.ts';
import {applyConsoleTheme} from '../console/console-theme.ts';
import {sendRequest} from '../messaging/client.ts';
import {isFramePairing} from '../messaging/frame-pairing.ts';
import {isKeysFrameIn, type KeysFrameOut} from '../messaging/keys-frame.ts';
import {createTranslator} from '../shared/i18n.ts';
import {isLanguage} from '../shared/translate.ts';

defineKeysInput();
const app = document.querySelector<HTMLElement>('#app')!;
let paired = false;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const port = event.ports[0];
  if (paired || !port || !isFramePairing(event.data)) return;
  const {token, language, theme} = event.data;
  void sendRequest('frame/claim', {token}).then((reply) => {
    if (paired || !reply.ok || !reply.value.paired) return;
    paired = true;
    start(port, isLanguage(language) ? language : 'en', theme);
  });
});

function start(port: MessagePort, language: 'en' | 'es', theme: Theme): void {
  const send = (message: KeysFrameOut) => port.postMessage(message);
  const entry = inPageKeyEntry(createTranslator(language), (keys) =>
    send({type: 'keys', keys: keys ? {accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey} : undefined}),
  );
  document.documentElement.lang = language;
  // The tab's `--boa-*` properties (each value checked by the pairing's guard), inherited by the form as in the tab.
  applyConsoleTheme(document.documentElement, theme);
  app.replaceChildren(entry.element);
  // Paired and showing the form: said at once, as a frame in a hidden section never lays out (nor reports a height).
  send({type: 'ready'});
  port.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isKeysFrameIn(message)) return;
    if (message.type === 'state') entry.update(message.state);
    else if (message.type === 'clear') entry.clear();
    else entry.focus();
  };
  // The embedding iframe takes the form's height, so the tab shows it whole: the app's own box (a flow-root, so its
  // children's margins count), which the frame's viewport does not change, and the frame never scrolls (keys-frame.css),
  // so no scrollbar rewraps the form. Not the document's scrollHeight: it never drops below the viewport's height.
  let reported = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(app.getBoundingClientRect().height);
    if (height !== reported) send({type: 'height', height: (reported = height)});
  }).observe(app);
}
