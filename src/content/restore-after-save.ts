/**
 * The one owner of "Restore after the console's own Save": which tabs are open and how each is mounted, whose Save
 * the next properties write is, what each enterprise's Save lost (offered again, without the secret, in a dialog
 * opened later), and moving a tab to a floating panel when its dialog closed on lost values.
 */
import type {BoaBillingTab} from '../components/boa-billing-tab/boa-billing-tab.ts';
import {showFloatingPanel} from '../console/floating-panel.ts';
import type {MountedTab} from '../console/mount-billing-tab.ts';

/** How long a closed dialog's tab waits for the console's properties write that its Save started. */
const SAVE_GRACE_MS = 15_000;

/** Where a tab lives: in an enterprise dialog (until it closes), or in the toolbar's floating panel. */
export type TabMount = {readonly kind: 'dialog'; readonly mounted: MountedTab} | {readonly kind: 'floating'};

/** Which enterprise a tab edits: being found, found, or unknown (the operator picks it in the tab). */
export type TabEnterprise = {readonly state: 'resolving'} | {readonly state: 'resolved'; readonly id: number} | {readonly state: 'unknown'};

export interface TrackedTab {
  readonly element: BoaBillingTab;
  readonly mount: TabMount;
  enterprise: TabEnterprise;
  /** The operator clicked the dialog's own Save: the next properties write of its enterprise is that Save's. */
  consoleSaving: boolean;
  /** The console's Save lost the billing values: Restore must stay reachable, even once the dialog is gone. */
  lostValues: boolean;
  /** The dialog this tab was mounted in has closed. */
  closed: boolean;
}

type Values = Readonly<Record<string, string>>;

export class RestoreAfterSave {
  private readonly tabs = new Set<TrackedTab>();
  private readonly offers = new Map<number, Values>();

  constructor(private readonly signal: AbortSignal) {}

  /** Follows a tab from its mounting; `closed` aborts when its dialog closes (never, for the floating panel). */
  track(element: BoaBillingTab, mount: TabMount, closed?: AbortSignal): TrackedTab {
    const tab: TrackedTab = {element, mount, enterprise: {state: 'resolving'}, consoleSaving: false, lostValues: false, closed: false};
    this.tabs.add(tab);
    element.addEventListener('boa-restore-offer', (event) => {
      if (tab.enterprise.state !== 'resolved') return;
      if (event.detail.values) this.offers.set(tab.enterprise.id, event.detail.values);
      else this.offers.delete(tab.enterprise.id);
    });
    // The console's Save closes the dialog, often before its properties write is reported: keep listening a while.
    closed?.addEventListener(
      'abort',
      () => {
        tab.closed = true;
        if (tab.lostValues) this.float(tab);
        setTimeout(() => this.tabs.delete(tab), tab.consoleSaving ? SAVE_GRACE_MS : 0);
      },
      {once: true},
    );
    return tab;
  }

  /** The tab now edits `enterpriseId`: it is offered what an earlier dialog of that enterprise lost. */
  resolved(tab: TrackedTab, enterpriseId: number): Values | undefined {
    tab.enterprise = {state: 'resolved', id: enterpriseId};
    return this.offers.get(enterpriseId);
  }

  /** The tab still open in a dialog, if any (the toolbar's "Open the tab" shows it). */
  openInDialog(): TrackedTab | undefined {
    return [...this.tabs].find((tab) => tab.mount.kind === 'dialog' && !tab.closed && tab.element.isConnected);
  }

  /** The worker saw the console write an enterprise's properties: a Save clicked in its dialog is checked. */
  async propertiesWritten(enterpriseId: number): Promise<void> {
    const saved = [...this.tabs].filter((tab) => tab.consoleSaving && tab.enterprise.state === 'resolved' && tab.enterprise.id === enterpriseId);
    await Promise.all(saved.map((tab) => this.checkAfterSave(tab)));
  }

  /**
   * The console usually closes its dialog right after its properties write, before or after this check ends: if
   * billing values were lost, Restore moves to a floating panel once the dialog is gone.
   */
  private async checkAfterSave(tab: TrackedTab): Promise<void> {
    tab.consoleSaving = false;
    tab.lostValues = await tab.element.consoleSaved();
    if (tab.lostValues && tab.closed) this.float(tab);
  }

  private float(tab: TrackedTab): void {
    if (tab.element.isConnected) return;
    const t = tab.element.services.t;
    showFloatingPanel(tab.element, {label: t('tab_title'), closeLabel: t('tab_close'), signal: this.signal});
    void tab.element.focusRestore();
  }
}
