/**
 * The feature: mount the "Billing-only AWS" tab in every enterprise-edit dialog, give it its services, and
 * tell it when the console's own Save rewrote the properties.
 */
import {createAbiquoService} from '../abiquo/abiquo-service.ts';
import type {BoaBillingTab} from '../components/boa-billing-tab/boa-billing-tab.ts';
import {applyConsoleTheme, readConsoleTheme} from '../console/console-theme.ts';
import {onDialogSave, readAnyDialogEnterpriseName, readEnterpriseName} from '../console/find-enterprise-dialog.ts';
import {showFloatingPanel} from '../console/floating-panel.ts';
import {mountBillingTab, type MountedTab} from '../console/mount-billing-tab.ts';
import {refuseSyntheticInput} from '../console/refuse-synthetic-input.ts';
import {guardLeaving} from '../console/leave-guard.ts';
import {watchEnterpriseDialogs} from '../console/watch-dialogs.ts';
import type {TabNotice} from '../messaging/protocol.ts';
import {logger} from '../shared/log.ts';
import {browserTranslate, consoleContext} from './console-context.ts';
import {listKeynodes, resolveEnterpriseId} from './resolve-enterprise.ts';
import {framedKeyEntry} from './framed-key-entry.ts';
import {verifyThroughWorker} from './verify-through-worker.ts';

const log = logger('billing-tab');
/** How long a closed dialog's tab waits for the console's properties write that its Save started. */
const SAVE_GRACE_MS = 15_000;

interface OpenTab {
  readonly element: BoaBillingTab;
  readonly mounted: MountedTab;
  enterpriseId?: number;
  /** Set when the operator clicked the dialog's own Save; the next properties PUT is that Save's. */
  consoleSaving: boolean;
  /** The console's Save lost the billing values: Restore must stay reachable, even once the dialog is gone. */
  lostValues: boolean;
  /** The dialog this tab was mounted in has closed. */
  closed: boolean;
}

export function startBillingTab(signal: AbortSignal): void {
  const open = new Set<OpenTab>();
  let floating: OpenTab | undefined;
  // Per enterprise, the values the console's Save lost: a dialog opened again offers Restore without the secret.
  const restoreOffers: RestoreOffers = new Map();

  watchEnterpriseDialogs(document, (dialog, dialogSignal) => {
    const element = createTabElement(dialog);
    const mounted = mountBillingTab(dialog, {label: browserTranslate('tab_title'), panel: () => element, signal: dialogSignal});
    if (!mounted) {
      log.warn('enterprise dialog found but no tab strip: use the toolbar button to open the tab');
      return false;
    }
    const tab: OpenTab = {element, mounted, consoleSaving: false, lostValues: false, closed: false};
    open.add(tab);
    // The console's Save closes the dialog, often before its properties PUT is reported: keep listening a while.
    dialogSignal.addEventListener('abort', () => {
      tab.closed = true;
      if (tab.lostValues) floatTab(tab, signal);
      setTimeout(() => open.delete(tab), tab.consoleSaving ? SAVE_GRACE_MS : 0);
    }, {once: true});
    onDialogSave(dialog, () => (tab.consoleSaving = true), dialogSignal);
    void connect(tab, dialog, dialogSignal, restoreOffers);
    return true;
  }, signal);

  /**
   * The toolbar's "Open the tab": shows the tab mounted in the open dialog; where none could be mounted (the
   * console's markup was not recognised), the tab of the enterprise the console last loaded, in a floating panel.
   */
  const openPanel = () => {
    const mounted = [...open].find((tab) => !tab.closed && tab.element.isConnected);
    if (mounted) return mounted.mounted.activate();
    if (floating?.element.isConnected) return floating.element.scrollIntoView();
    const controller = new AbortController();
    const element = createTabElement();
    showFloatingPanel(element, {label: browserTranslate('tab_title'), closeLabel: browserTranslate('tab_close'), signal: AbortSignal.any([signal, controller.signal]), onClose: () => controller.abort()});
    floating = {element, mounted: {pane: element, activate: () => element.scrollIntoView(), setLabel: () => undefined}, consoleSaving: false, lostValues: false, closed: false};
    void connect(floating, undefined, controller.signal, restoreOffers);
  };

  const onNotice = (notice: TabNotice, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== chrome.runtime.id || sender.tab !== undefined) return; // only the worker or our popup
    if (notice.type === 'console/open-panel') return openPanel();
    for (const tab of open) {
      if (notice.enterpriseId === tab.enterpriseId && tab.consoleSaving) {
        tab.consoleSaving = false;
        void checkAfterConsoleSave(tab, signal);
      }
    }
  };
  chrome.runtime.onMessage.addListener(onNotice);
  signal.addEventListener('abort', () => chrome.runtime.onMessage.removeListener(onNotice), {once: true});
}

/** The tab's host, in the console's look (its dialog's, else the page's): `--boa-*` properties on the host. */
function createTabElement(dialog?: Element): BoaBillingTab {
  const element = document.createElement('boa-billing-tab') as BoaBillingTab;
  applyConsoleTheme(element, readConsoleTheme(document, dialog));
  refuseSyntheticInput(element);
  return element;
}

/**
 * Re-reads the properties after the console's own Save. The console usually closes its dialog right after its
 * properties PUT, before or after this check ends: if billing values were lost, Restore moves to a floating panel
 * once the dialog is gone.
 */
async function checkAfterConsoleSave(tab: OpenTab, signal: AbortSignal): Promise<void> {
  tab.lostValues = await tab.element.consoleSaved();
  if (tab.lostValues && tab.closed) floatTab(tab, signal);
}

function floatTab(tab: OpenTab, signal: AbortSignal): void {
  if (tab.element.isConnected) return;
  const t = tab.element.services.t;
  showFloatingPanel(tab.element, {label: t('tab_title'), closeLabel: t('tab_close'), signal});
  void tab.element.focusRestore();
}

type RestoreOffers = Map<number, Readonly<Record<string, string>>>;

/** Gives the tab its services once the console context and the enterprise are known (`dialog` absent: the toolbar's panel). */
async function connect(tab: OpenTab, dialog: Element | undefined, signal: AbortSignal, restoreOffers: RestoreOffers): Promise<void> {
  const context = await consoleContext();
  if (signal.aborted) return;
  tab.mounted.setLabel(context.t('tab_title'));
  tab.element.addEventListener('boa-restore-offer', (event) => {
    if (tab.enterpriseId === undefined) return;
    if (event.detail.values) restoreOffers.set(tab.enterpriseId, event.detail.values);
    else restoreOffers.delete(tab.enterpriseId);
  });
  const bind = (enterpriseId: number) => {
    tab.enterpriseId = enterpriseId;
    tab.element.pendingRestore = restoreOffers.get(enterpriseId);
    tab.element.enterpriseId = enterpriseId;
    tab.element.services = {
      t: context.t,
      language: context.language,
      verify: verifyThroughWorker,
      abiquo: guardLeaving(createAbiquoService({apiBase: context.apiBase, enterpriseId})),
      keyEntry: (onKeys) => framedKeyEntry(context.t, context.language, onKeys),
    };
  };
  const dialogName = dialog ? readEnterpriseName(dialog) : readAnyDialogEnterpriseName(document);
  tab.element.dialogName = dialogName;
  const enterpriseId = await resolveEnterpriseId(context.http, dialogName, signal);
  if (enterpriseId !== undefined) return bind(enterpriseId);
  tab.element.candidates = await listKeynodes(context.http, signal);
  tab.element.addEventListener('boa-enterprise-picked', (event) => bind(event.detail.enterpriseId), {signal});
  bind(Number.NaN);
}
