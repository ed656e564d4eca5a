/**
 * Firefox's own window, for the toolbar popup e2e: the extension's toolbar button and the permission prompt are
 * browser chrome, which WebDriver BiDi reaches only in its `chrome` scope (read-only use here: positions and
 * states), and are clicked with the X mouse of a real display, so the browser sees a user's gesture
 * (activeTab is granted, `permissions.request` may prompt).
 */
import {execFileSync} from 'node:child_process';
import type {ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {poll} from '../../sandbox/drive/browser.ts';
import type {Display} from '../../sandbox/drive/real-keyboard.ts';

/** The gecko id of manifest/firefox.json, as Firefox names its toolbar widget (`makeWidgetId`). */
const WIDGET = 'billing-only-aws_abiquo-tools_example-browser-action';

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
}

/** Evaluates an expression in the browser window's privileged (chrome) scope and returns its primitive value. */
export async function evaluateInChrome(ext: ExtensionBrowser, expression: string): Promise<unknown> {
  const connection = (ext.browser as unknown as {connection: BidiConnection}).connection;
  const tree = (await connection.send('browsingContext.getTree', {'moz:scope': 'chrome'})) as {result: {contexts: {context: string}[]}};
  const reply = (await connection.send('script.evaluate', {target: {context: tree.result.contexts[0]!.context}, awaitPromise: true, expression})) as {
    result: {type: string; result?: {value?: unknown}; exceptionDetails?: {text: string}};
  };
  if (reply.result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${reply.result.exceptionDetails?.text}`);
  return reply.result.result?.value;
}

export interface FirefoxToolbar {
  /** Clicks the extension's toolbar button (pinned to the toolbar first, as an operator would). */
  clickButton(): Promise<void>;
  /** The popup's text and which of its elements has the focus, read from another extension page. */
  popup(): Promise<{text: string; focused: string} | undefined>;
  /** Presses Tab on the display's keyboard until the popup's focus is on the button named `label`, then Enter. */
  pressPopupButton(label: string): Promise<void>;
  /** Closes the popup as a click elsewhere does; its script ends there. */
  closePopup(): Promise<void>;
  /** Waits for Firefox's add-on permission prompt and gives its text. */
  permissionPrompt(): Promise<string>;
  /** Clicks the prompt's main button ("Allow"). */
  allowPermission(): Promise<void>;
}

export function firefoxToolbar(ext: ExtensionBrowser, display: Display): FirefoxToolbar {
  const xdotool = (...args: string[]) => execFileSync('xdotool', args, {env: {...process.env, DISPLAY: display.name}, encoding: 'utf8'});
  const click = async (elementExpression: string) => {
    const [x, y, width, height] = JSON.parse(
      (await evaluateInChrome(
        ext,
        `JSON.stringify((() => { const e = ${elementExpression}; return [e.screenX, e.screenY, e.clientWidth, e.clientHeight]; })())`,
      )) as string,
    ) as number[];
    xdotool('mousemove', String(Math.round(x! + width! / 2)), String(Math.round(y! + height! / 2)), 'click', '1');
  };
  const popupOpen = async () => (await evaluateInChrome(ext, `document.getElementById('customizationui-widget-panel')?.state === 'open'`)) === true;
  const popup = async () =>
    (await ext.evaluate(`(() => {
      const [view] = chrome.extension.getViews({type: 'popup'});
      if (!view || !view.document.querySelector('#app h1')) return undefined;
      const focused = view.document.activeElement;
      return {text: view.document.body.innerText, focused: focused === view.document.body ? '' : focused.textContent.trim()};
    })()`)) as {text: string; focused: string} | undefined;
  return {
    async clickButton() {
      await evaluateInChrome(ext, `CustomizableUI.addWidgetToArea('${WIDGET}', CustomizableUI.AREA_NAVBAR)`);
      // Keys typed later go to the focused X window: the browser's, not the popup's (focusing that closes it).
      xdotool('windowfocus', '--sync', xdotool('search', '--onlyvisible', '--class', 'firefox').trim().split('\n')[0]!);
      await click(`document.getElementById('${WIDGET}')`);
      await poll(popupOpen, 'the toolbar popup never opened');
      await poll(popup, 'the toolbar popup never rendered');
    },
    popup,
    async pressPopupButton(label) {
      // The first Tab moves the window's focus into the popup's browser, the next ones through its document.
      const inPopup = async () =>
        (await evaluateInChrome(ext, `Services.focus.focusedElement?.closest('panel')?.id === 'customizationui-widget-panel'`)) === true;
      if (!(await inPopup())) {
        xdotool('key', 'Tab');
        await poll(inPopup, 'Tab never moved the focus into the popup', 5_000);
      }
      for (let presses = 0; (await popup())?.focused !== label; presses++) {
        if (presses === 10) throw new Error(`Tab never reached "${label}" in the popup: ${JSON.stringify(await popup())}`);
        const before = (await popup())?.focused;
        xdotool('key', 'Tab');
        await poll(async () => (await popup())?.focused !== before, 'Tab did not move the focus in the popup', 5_000);
      }
      xdotool('key', 'Return');
    },
    async closePopup() {
      await evaluateInChrome(ext, `document.getElementById('customizationui-widget-panel').hidePopup()`);
      await poll(async () => !(await popupOpen()), 'the toolbar popup never closed');
    },
    async permissionPrompt() {
      const open = `PopupNotifications.panel.state === 'open' && Boolean(PopupNotifications.getNotification('addon-webext-permissions', gBrowser.selectedBrowser))`;
      await poll(async () => (await evaluateInChrome(ext, open)) === true, 'no permission prompt appeared');
      return (await evaluateInChrome(
        ext,
        `PopupNotifications.panel.firstElementChild.innerText ?? PopupNotifications.panel.firstElementChild.textContent`,
      )) as string;
    },
    async allowPermission() {
      await click('PopupNotifications.panel.firstElementChild.button');
      await poll(async () => (await evaluateInChrome(ext, `PopupNotifications.panel.state === 'closed'`)) === true, 'the permission prompt never closed');
    },
  };
}
