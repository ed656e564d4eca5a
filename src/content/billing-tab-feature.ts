/**
 * The feature: mount the "Billing-only AWS" tab in every enterprise-edit dialog (or the toolbar's floating panel)
 * and give it its services; what follows the console's own Save is RestoreAfterSave's.
 */
import {createAbiquoService} from '../abiquo/abiquo-service.ts';
import {storedAccountIds} from './stored-account-ids.ts';
import {listKeynodes} from '../abiquo/find-enterprise.ts';
import type {BoaBillingTab} from '../components/boa-billing-tab/boa-billing-tab.ts';
import {applyConsoleTheme, readConsoleTheme} from '../console/console-theme.ts';
import {onDialogSave, readAnyDialogEnterpriseName, readEnterpriseName} from '../console/find-enterprise-dialog.ts';
import {showFloatingPanel} from '../console/floating-panel.ts';
import {mountBillingTab} from '../console/mount-billing-tab.ts';
import {refuseSyntheticInput} from '../console/refuse-synthetic-input.ts';
import {guardLeaving} from '../console/leave-guard.ts';
import {watchEnterpriseDialogs} from '../console/watch-dialogs.ts';
import type {TabNotice} from '../messaging/protocol.ts';
import {logger} from '../shared/log.ts';
import {browserTranslate, consoleContext} from './console-context.ts';
import {resolveEnterpriseId} from './resolve-enterprise.ts';
import {framedKeyEntry} from './framed-key-entry.ts';
import {framedPreview} from './framed-preview.ts';
import {RestoreAfterSave, type TrackedTab} from './restore-after-save.ts';
import {verifyThroughWorker} from './verify-through-worker.ts';

const log = logger('billing-tab');

/** Starts the feature; returns the toolbar's "Open the tab", for a request that arrived before the feature ran. */
export function startBillingTab(signal: AbortSignal): () => void {
  const restore = new RestoreAfterSave(signal);
  let floating: TrackedTab | undefined;

  watchEnterpriseDialogs(
    document,
    (dialog, dialogSignal) => {
      const element = createTabElement(dialog);
      const mounted = mountBillingTab(dialog, {label: browserTranslate('tab_title'), panel: () => element, signal: dialogSignal});
      if (!mounted) {
        log.warn('enterprise dialog found but no tab strip: use the toolbar button to open the tab');
        return false;
      }
      const tab = restore.track(element, {kind: 'dialog', mounted}, dialogSignal);
      onDialogSave(dialog, () => (tab.consoleSaving = true), dialogSignal);
      void connect(tab, restore, dialog, dialogSignal);
      return true;
    },
    signal,
  );

  /**
   * The toolbar's "Open the tab": shows the tab mounted in the open dialog; where none could be mounted (the
   * console's markup was not recognised), the tab of the enterprise the console last loaded, in a floating panel.
   */
  const openPanel = () => {
    const inDialog = restore.openInDialog();
    if (inDialog?.mount.kind === 'dialog') return inDialog.mount.mounted.activate();
    if (floating?.element.isConnected) return floating.element.scrollIntoView();
    const controller = new AbortController();
    const element = createTabElement();
    showFloatingPanel(element, {
      label: browserTranslate('tab_title'),
      closeLabel: browserTranslate('tab_close'),
      signal: AbortSignal.any([signal, controller.signal]),
      onClose: () => controller.abort(),
    });
    floating = restore.track(element, {kind: 'floating'});
    void connect(floating, restore, undefined, controller.signal);
  };

  const onNotice = (notice: TabNotice, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== chrome.runtime.id || sender.tab !== undefined) return; // only the worker or our popup
    if (notice.type === 'console/open-panel') return openPanel();
    void restore.propertiesWritten(notice.enterpriseId);
  };
  chrome.runtime.onMessage.addListener(onNotice);
  signal.addEventListener('abort', () => chrome.runtime.onMessage.removeListener(onNotice), {once: true});
  return openPanel;
}

/** The tab's host, in the console's look (its dialog's, else the page's): `--boa-*` properties on the host. */
function createTabElement(dialog?: Element): BoaBillingTab {
  const element = document.createElement('boa-billing-tab') as BoaBillingTab;
  applyConsoleTheme(element, readConsoleTheme(document, dialog));
  refuseSyntheticInput(element);
  return element;
}

/** Gives the tab its services once the console context and the enterprise are known (`dialog` absent: the toolbar's panel). */
async function connect(tab: TrackedTab, restore: RestoreAfterSave, dialog: Element | undefined, signal: AbortSignal): Promise<void> {
  const context = await consoleContext();
  if (signal.aborted) return;
  if (tab.mount.kind === 'dialog') tab.mount.mounted.setLabel(context.t('tab_title'));
  const bind = (enterpriseId: number | undefined) => {
    if (enterpriseId === undefined) tab.enterprise = {state: 'unknown'};
    else tab.element.pendingRestore = restore.resolved(tab, enterpriseId);
    tab.element.enterpriseId = enterpriseId;
    tab.element.services = {
      t: context.t,
      language: context.language,
      verify: verifyThroughWorker,
      // Until the operator picks the enterprise, the client is never asked (the tab shows the picker).
      abiquo: guardLeaving(
        createAbiquoService({
          apiBase: context.apiBase,
          enterpriseId: enterpriseId ?? Number.NaN,
          accountIds: storedAccountIds(chrome.storage.local, context.apiBase),
        }),
      ),
      keyEntry: (onKeys) => framedKeyEntry(context.t, context.language, onKeys),
      billingPreview: (onAddAccount) => framedPreview(context.t, context.language, onAddAccount),
    };
  };
  const dialogName = dialog ? readEnterpriseName(dialog) : readAnyDialogEnterpriseName(document);
  tab.element.dialogName = dialogName;
  const enterpriseId = await resolveEnterpriseId(context.http, dialogName, signal);
  if (enterpriseId !== undefined) return bind(enterpriseId);
  tab.element.candidates = await listKeynodes(context.http, signal);
  tab.element.addEventListener('boa-enterprise-picked', (event) => bind(event.detail.enterpriseId), {signal});
  bind(undefined);
}
