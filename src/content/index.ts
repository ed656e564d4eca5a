/**
 * Content-script entry (isolated world, classic script), injected into every page of an enabled console: it only
 * watches for an enterprise-edit dialog (or the toolbar's "Open the tab"), then mounts the tab's place in the dialog
 * and has the worker inject the tab's UI (`tab-ui.js`) into this same world. A console page where nobody edits an
 * enterprise loads no UI code.
 */
import {mountBillingTab, placeholderPanel} from '../console/mount-billing-tab.ts';
import {watchEnterpriseDialogs} from '../console/watch-dialogs.ts';
import {sendRequest} from '../messaging/client.ts';
import type {TabNotice} from '../messaging/protocol.ts';
import {forgetTabUi, loadedTabUi, REPLACED_EVENT, type TabUi} from './tab-ui-handle.ts';

// A copy of this script injected again (the console was enabled with its tab open, or the extension was reloaded
// and its old copy lost `chrome.runtime`) replaces the previous one, and that copy's tab UI.
document.dispatchEvent(new CustomEvent(REPLACED_EVENT));
forgetTabUi();
const controller = new AbortController();
document.addEventListener(REPLACED_EVENT, () => controller.abort(), {once: true});

let loading: Promise<TabUi | undefined> | undefined;
let loaded = false;
const loadTabUi = () =>
  (loading ??= sendRequest('content/load-tab-ui', {}).then((reply) => {
    const ui = reply.ok && reply.value.loaded && !controller.signal.aborted ? loadedTabUi() : undefined;
    loaded = ui !== undefined;
    return ui;
  }));

// Content-script matches and host permissions ignore ports: the worker answers only the exact console origin the
// operator enabled, so a sibling service on another port of that host gets nothing of ours.
void sendRequest('worker/ping', {}).then((reply) => {
  if ((!reply.ok && reply.code === 'SENDER_REJECTED') || controller.signal.aborted) return;
  document.documentElement.setAttribute('data-boa-loaded', '');
  // The UI's own watcher mounts the tab in this dialog and every later one.
  const watching = new AbortController();
  const stop = () => watching.abort();
  controller.signal.addEventListener('abort', stop, {once: true});
  watchEnterpriseDialogs(
    document,
    (dialog) => {
      // The tab takes its place in the strip at once (DOM only, labelled in the browser's language, as the UI's own
      // mount is until the console's language is known); the UI fills its pane once loaded, or it goes again.
      const early = new AbortController();
      mountBillingTab(dialog, {
        label: chrome.i18n.getMessage('tab_title'),
        panel: placeholderPanel,
        signal: AbortSignal.any([controller.signal, early.signal]),
      });
      void loadTabUi().then((ui) => {
        if (!ui) early.abort();
      });
      queueMicrotask(stop);
      return false;
    },
    watching.signal,
  );
  // Once loaded, the UI answers the toolbar itself; until then, a request loads it and opens its panel.
  const onNotice = (notice: TabNotice, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== chrome.runtime.id || sender.tab !== undefined || notice.type !== 'console/open-panel' || loaded) return;
    void loadTabUi().then((ui) => ui?.openPanel());
  };
  chrome.runtime.onMessage.addListener(onNotice);
  controller.signal.addEventListener('abort', () => chrome.runtime.onMessage.removeListener(onNotice), {once: true});
});
