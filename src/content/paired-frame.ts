/**
 * An extension page of ours embedded in the tab (key entry, billing preview), talking to this content script over
 * a MessagePort handed to it with a one-time token from the worker (frame-pairing.ts): neither the console page nor
 * a page that frames ours itself can join the channel. The pairing carries the tab's look. The frame sizes itself:
 * it reports its content's height.
 */
import {sendRequest} from '../messaging/client.ts';
import {isSafeThemeValue, type FramePairing} from '../messaging/frame-pairing.ts';
import type {MessageKey, Translate} from '../shared/translate.ts';
import {themeProperties, type Theme} from '../shared/theme.ts';

/**
 * How long a paired frame has to show itself (it says it is ready then), and how often it is loaded again.
 * Generous: a loaded machine may take seconds to start a frame, and loading it again only costs it more.
 */
const PAIRING_ANSWER_MS = 8_000;
const PAIRING_RETRIES = 3;

export interface PairedFrameOptions {
  readonly page: 'keys-frame.html' | 'preview-frame.html';
  readonly t: Translate;
  readonly language: string;
  readonly initialHeight: string;
  /** Each message from the frame, unchecked: the caller's guard decides. `ready` and `height` are handled here. */
  readonly receive: (message: unknown) => void;
  /** Each (re)load paired: the frame is a fresh document, to be given its state again. */
  readonly onPaired: () => void;
}

export interface PairedFrame {
  /** The frame and, below it, where it cannot be paired, why. */
  readonly element: HTMLElement;
  readonly frame: HTMLIFrameElement;
  readonly send: (message: unknown) => void;
  readonly dispose: () => void;
}

export function pairedFrame({page, t, language, initialHeight, receive, onPaired}: PairedFrameOptions): PairedFrame {
  const frame = document.createElement('iframe');
  const problem = document.createElement('p');
  problem.className = 'alert alert--fail';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  const element = document.createElement('div');
  element.append(frame, problem);
  frame.src = chrome.runtime.getURL(page);
  Object.assign(frame.style, {display: 'block', width: '100%', height: initialHeight, border: '0'});
  let port: MessagePort | undefined;
  let retries = 0;
  let unanswered: ReturnType<typeof setTimeout> | undefined;

  // A frame whose claim did not go through (the worker was busy starting) never shows itself: it is loaded again, a
  // few times, before the tab says the extension cannot be reached. Each load (also after the frame moved in the
  // page) is a fresh document: pair it again.
  frame.addEventListener('load', () => {
    port?.close();
    port = undefined;
    void sendRequest('frame/pair', {}).then((reply) => {
      problem.hidden = reply.ok;
      problem.textContent = reply.ok ? '' : t(`messaging_${reply.code}` as MessageKey);
      if (!reply.ok || !frame.contentWindow) return;
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = (event: MessageEvent<unknown>) => {
        clearTimeout(unanswered);
        retries = 0;
        const message = event.data as {type?: unknown; height?: unknown} | null;
        if (message?.type === 'height' && typeof message.height === 'number' && Number.isFinite(message.height)) {
          frame.style.height = `${Math.ceil(message.height)}px`;
        } else receive(event.data);
      };
      const pairing: FramePairing = {boa: 'frame-pair', token: reply.value.token, language, theme: inheritedTheme(element)};
      frame.contentWindow.postMessage(pairing, new URL(frame.src).origin, [channel.port2]);
      onPaired();
      clearTimeout(unanswered);
      unanswered = setTimeout(() => {
        if (retries++ < PAIRING_RETRIES) return void (frame.src = chrome.runtime.getURL(page));
        problem.hidden = false;
        problem.textContent = t('messaging_EXTENSION_RELOADED');
      }, PAIRING_ANSWER_MS);
    });
  });

  return {
    element,
    frame,
    send: (message) => port?.postMessage(message),
    dispose() {
      clearTimeout(unanswered);
      port?.close();
      port = undefined;
    },
  };
}

/**
 * The tab's look where the frame is placed: the `--boa-*` properties its host carries (console-theme.ts), inherited
 * down to `element`. Only the values the frame accepts: the page can set these too, and a value it spoiled must
 * not cost the frame its pairing, only that part of the look.
 */
function inheritedTheme(element: Element): Theme {
  const style = getComputedStyle(element);
  const entries = Object.entries(themeProperties).map(([name, property]) => [name, style.getPropertyValue(property).trim()]);
  return Object.fromEntries(entries.filter(([, value]) => isSafeThemeValue(value))) as Theme;
}
