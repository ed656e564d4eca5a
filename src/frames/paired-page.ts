/**
 * The frame's side of the pairing with the content script that embeds it (the other side: content/paired-frame.ts),
 * shared by our pages the tab embeds (the key form, the billing preview). It waits for the content script's
 * MessagePort, claims the port's token with the worker (only its own tab's content script can have obtained it),
 * then starts the page once, in the tab's language and look, and reports the page's height from then on.
 */
import {applyConsoleTheme} from '../console/console-theme.ts';
import {sendRequest} from '../messaging/client.ts';
import {isFramePairing} from '../messaging/frame-pairing.ts';
import {isLanguage, type Language} from '../shared/translate.ts';

export function whenPaired(app: HTMLElement, start: (port: MessagePort, language: Language) => void): void {
  let paired = false;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const port = event.ports[0];
    if (paired || !port || !isFramePairing(event.data)) return;
    const {token, language, theme} = event.data;
    void sendRequest('frame/claim', {token}).then((reply) => {
      if (paired || !reply.ok || !reply.value.paired) return;
      paired = true;
      const chosen = isLanguage(language) ? language : 'en';
      document.documentElement.lang = chosen;
      // The tab's `--boa-*` properties (each value checked by the pairing's guard), inherited as in the tab.
      applyConsoleTheme(document.documentElement, theme);
      start(port, chosen);
      // Started and showing: said at once, as a frame in a hidden section never lays out (nor reports a height).
      port.postMessage({type: 'ready'});
      reportHeight(app, port);
    });
  });
}

/**
 * The embedding iframe takes the page's height, so the tab shows it whole: the app's own box (a flow-root, so its
 * children's margins count), which the frame's viewport does not change, and the frame never scrolls (keys-frame.css),
 * so no scrollbar rewraps it. Not the document's scrollHeight: it never drops below the viewport's height.
 */
function reportHeight(app: HTMLElement, port: MessagePort): void {
  let reported = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(app.getBoundingClientRect().height);
    if (height !== reported) port.postMessage({type: 'height', height: (reported = height)});
  }).observe(app);
}
