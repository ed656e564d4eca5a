import {Task, TaskStatus} from '@lit/task';
import {LitElement, html, type CSSResultGroup, type PropertyValues, type TemplateResult} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import {repeat} from 'lit/directives/repeat.js';
import {amazonPropertyNames, readCostBasis, toAmazonProperties} from '../../aws/amazon-properties.ts';
import type {AwsKeys, Identity, SetupInput, VerifiedReport} from '../../aws/types.ts';
import type {BoaPricingCredentials} from '../boa-pricing-credentials/boa-pricing-credentials.ts';
import type {BoaCurReport} from '../boa-cur-report/boa-cur-report.ts';
import type {BoaPropertiesDiff} from '../boa-properties-diff/boa-properties-diff.ts';
import {savedLine} from '../boa-saved-line/saved-line.ts';
import {setupItems} from '../boa-setup-status/setup-items.ts';
import {BoaRestoreOfferEvent} from '../events.ts';
import type {
  BoaAppliedEvent,
  BoaEnterprisePickedEvent,
  BoaFixEvent,
  BoaKeysVerifiedEvent,
  BoaLinkedAccountsChangeEvent,
  BoaPropertiesReloadedEvent,
  BoaReportChangeEvent,
  TabSection,
} from '../events.ts';
import type {EnterpriseSummary, KeynodeState, LinkedAccount} from '../../abiquo/types.ts';
import type {BillingServices} from '../services.ts';
import {abiquoMessage, type AbiquoFailure} from '../shared/messages.ts';
import {failureOf} from '../../shared/result.ts';
import {baseStyles} from '../shared/styles.ts';
import type {UsedAccount} from '../shared/used-accounts.ts';
import styles from './boa-billing-tab.styles.ts';

type Loaded = {keynode: KeynodeState; linked: readonly LinkedAccount[] | undefined; linkedFailure?: AbiquoFailure};
type LoadFailure = {failure: AbiquoFailure};
/** The dialog's enterprise is unknown: the operator picks it. */
type Unresolved = {unresolved: true};

/**
 * @summary The "Billing-only AWS" tab of a keynode enterprise: setup status, pricing credentials, Cost and Usage
 * Report, the `amazon_*` properties to write, and the linked AWS accounts. On any other enterprise it explains
 * why it does not apply; when the console session or privileges fall short it says so, with a Retry.
 *
 * Call `consoleSaved()` after the console's own Save of the dialog: the tab re-reads the properties and offers to
 * restore the `amazon_*` values it applied if that Save lost them; resolves to whether it did. `focusRestore()` then
 * takes the operator to that offer (e.g. once the tab floats outside the closed dialog).
 */
export class BoaBillingTab extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    services: {attribute: false},
    enterpriseId: {type: Number, attribute: 'enterprise-id'},
    candidates: {attribute: false},
    dialogName: {attribute: false},
    pendingRestore: {attribute: false},
    properties: {state: true},
    hasPricing: {state: true},
    linked: {state: true},
    pricingKeys: {state: true},
    pricingIdentity: {state: true},
    pricingBlocked: {state: true},
    report: {state: true},
    reportBlocked: {state: true},
    checkedWithSavedKeys: {state: true},
    blended: {state: true},
    lost: {state: true},
  };

  // The children the tab drives (their public methods only).
  private readonly pricingForm = createRef<BoaPricingCredentials>();
  private readonly reportForm = createRef<BoaCurReport>();
  private readonly diff = createRef<BoaPropertiesDiff>();

  /** The `amazon_*` values this tab last wrote, to notice if the console's Save drops them. */
  private applied: Readonly<Record<string, string>> | undefined;
  /** The operator picked the enterprise: once it has loaded, focus goes to the tab (the picker's button is gone). */
  private focusAfterLoad = false;
  private readonly load = new Task(this, {
    args: () => [this.services, this.enterpriseId] as const,
    task: async ([services, enterpriseId], {signal}): Promise<Loaded | LoadFailure | Unresolved> => {
      if (!services) return {failure: {code: 'ABIQUO_UNEXPECTED_RESPONSE'}};
      if (enterpriseId === undefined) return {unresolved: true};
      const [keynode, linked] = await Promise.all([services.abiquo.loadKeynode(signal), services.abiquo.listLinkedAccounts(signal)]);
      if (!keynode.ok) return {failure: failureOf(keynode)};
      return {keynode: keynode.value, linked: linked.ok ? linked.value : undefined, ...(linked.ok ? {} : {linkedFailure: failureOf(linked)})};
    },
    // The task only reads; what it read becomes the tab's state here, once it is the latest run's.
    onComplete: (loaded) => {
      if ('keynode' in loaded) this.adopt(loaded);
    },
  });
  private readonly restoreCheck = new Task(this, {
    autoRun: false,
    task: async (_args, {signal}): Promise<AbiquoFailure | undefined> => {
      const applied = this.applied;
      if (!applied) return;
      const read = await this.services.abiquo.readProperties(signal);
      if (!read.ok) return failureOf(read);
      this.properties = read.value;
      this.lost = Object.keys(applied).filter((key) => read.value[key] !== applied[key]);
      return undefined;
    },
  });

  private adopt({keynode, linked}: Loaded): void {
    this.properties = keynode.properties;
    // Values a previous dialog applied and the console's Save lost: still lost, Restore is offered again.
    if (this.pendingRestore && !this.applied) {
      this.applied = this.pendingRestore;
      this.lost = Object.keys(this.applied).filter((key) => keynode.properties[key] !== this.applied![key]);
    }
    this.hasPricing = keynode.hasPricingCredentials;
    this.linked = linked;
    this.blended = readCostBasis(keynode.properties) === 'blended';
  }

  /** Services bound to the enterprise being edited (Abiquo client, AWS checks, translator). */
  declare services: BillingServices;
  /** ID of the enterprise being edited; undefined when it could not be told (the operator then picks among `candidates`). */
  declare enterpriseId: number | undefined;
  /** Keynode enterprises to pick from when `enterpriseId` is unknown. */
  declare candidates: readonly EnterpriseSummary[];
  /** Values an earlier tab of this enterprise applied and the console's Save lost (its `boa-restore-offer`). */
  declare pendingRestore: Readonly<Record<string, string>> | undefined;
  /** The enterprise name the console's dialog shows, when it could be read (the picker preselects it). */
  declare dialogName: string | undefined;
  declare private properties: Readonly<Record<string, string>>;
  declare private hasPricing: boolean;
  declare private linked: readonly LinkedAccount[] | undefined;
  declare private pricingKeys: AwsKeys | undefined;
  declare private pricingIdentity: Identity | undefined;
  declare private pricingBlocked: boolean | undefined;
  declare private report: VerifiedReport | undefined;
  declare private reportBlocked: boolean;
  /** The pricing keys were saved and cleared: the report section keeps the verdict it reached with them. */
  declare private checkedWithSavedKeys: boolean;
  declare private blended: boolean;
  declare private lost: readonly string[];

  constructor() {
    super();
    this.properties = {};
    this.hasPricing = false;
    // Only a failed check blocks; without a report `desired` is undefined anyway.
    this.reportBlocked = false;
    this.checkedWithSavedKeys = false;
    this.blended = false;
    this.lost = [];
  }

  /**
   * The console's own Save of this dialog finished: re-read the properties and, if the `amazon_*` values this tab
   * applied are gone or changed, show it with a one-click Restore.
   */
  async consoleSaved(): Promise<boolean> {
    if (!this.applied) return false;
    await this.restoreCheck.run();
    return this.lost.length > 0;
  }

  /** Scrolls to and focuses Restore (the properties section leads the tab while values are lost). */
  async focusRestore(): Promise<void> {
    await this.updateComplete;
    const diff = this.diff.value;
    if (!diff || !(await diff.focusApply())) this.focusSection('properties');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Screen readers and hyphenation follow the tab's language, not the console page's.
    if (changed.has('services') && this.services) this.lang = this.services.language;
  }

  override updated(changed: PropertyValues): void {
    // `lost` is private state: the untyped map is the way to its previous value.
    const lostBefore = changed.get('lost') as readonly string[] | undefined;
    if (changed.has('lost') && (this.lost.length > 0 || (lostBefore?.length ?? 0) > 0)) {
      this.dispatchEvent(new BoaRestoreOfferEvent({values: this.lost.length > 0 ? this.applied : undefined}));
    }
    if (this.focusAfterLoad && this.load.status === TaskStatus.COMPLETE) {
      const heading = this.shadowRoot?.querySelector<HTMLElement>('#h-status');
      if (heading) {
        this.focusAfterLoad = false;
        heading.focus();
      }
    }
  }

  private get desired(): Readonly<Record<string, string>> | undefined {
    // Restoring, or restored in a tab that checked no report itself: the values applied are what the diff shows.
    if (this.applied && (this.lost.length > 0 || !this.report)) return this.applied;
    if (!this.report || this.reportBlocked || this.pricingBlocked) return undefined;
    return toAmazonProperties(this.report, {costs: this.blended ? 'blended' : 'unblended'}, this.properties);
  }

  /** Why the diff has nothing to show yet: a failed check, or the next thing to give (keys pasted: the report). */
  private waitingFor(): 'tab_diff_blocked' | 'tab_diff_waiting' | 'tab_diff_waiting_report' {
    if (this.pricingBlocked || this.reportBlocked) return 'tab_diff_blocked';
    return this.pricingKeys ? 'tab_diff_waiting_report' : 'tab_diff_waiting';
  }

  /** The report today's properties describe, so an existing setup is re-checked as it stands. */
  private initialReport(): Omit<SetupInput, 'keys'> | undefined {
    const p = this.properties;
    if (!p.amazon_bucket) return undefined;
    return {
      bucket: p.amazon_bucket,
      ...(p.amazon_bucket_region ? {region: p.amazon_bucket_region} : {}),
      ...(p.amazon_bucket_prefix !== undefined ? {prefix: p.amazon_bucket_prefix} : {}),
      ...(p.amazon_report_name ? {reportName: p.amazon_report_name} : {}),
    };
  }

  private get usedByPricing(): UsedAccount[] {
    return this.pricingIdentity ? [{account: this.pricingIdentity.account, where: this.services.t('tab_where_pricing')}] : [];
  }

  private get usedByLinked(): UsedAccount[] {
    return (this.linked ?? []).flatMap((account) => (account.awsAccountId ? [{account: account.awsAccountId, where: account.name}] : []));
  }

  private handleKeysVerified(event: BoaKeysVerifiedEvent): void {
    this.checkedWithSavedKeys = false;
    this.pricingKeys = event.detail.blocked ? undefined : event.detail.keys;
    this.pricingIdentity = event.detail.identity;
    this.pricingBlocked = event.detail.keys ? event.detail.blocked : undefined;
  }

  private handleReportChange(event: BoaReportChangeEvent): void {
    this.report = event.detail.report;
    this.reportBlocked = event.detail.blocked;
    this.blended = event.detail.blended;
  }

  private handleApplied(event: BoaAppliedEvent): void {
    this.properties = event.detail.properties;
    this.applied = Object.fromEntries(Object.entries(event.detail.properties).filter(([key]) => (amazonPropertyNames as readonly string[]).includes(key)));
    this.lost = [];
    if (event.detail.credentialsSaved) this.handleCredentialsSaved();
  }

  /** Apply saved the pricing keys: the secret leaves the form at once, even if the properties then fail. */
  private handleCredentialsSaved(): void {
    this.hasPricing = true;
    if (this.pricingKeys) this.checkedWithSavedKeys = true;
    this.pricingKeys = undefined;
    this.pricingForm.value?.clearSecret();
  }

  private handlePropertiesReloaded(event: BoaPropertiesReloadedEvent): void {
    this.properties = event.detail.properties;
  }

  private handleLinkedChange(event: BoaLinkedAccountsChangeEvent): void {
    this.linked = event.detail.accounts;
  }

  private handleReverify(): void {
    // Keep the Restore offer: the reload re-checks it rather than forgetting what the console's Save lost.
    void this.load.run().then(() => (this.applied && this.lost.length > 0 ? this.restoreCheck.run() : undefined));
    this.reportForm.value?.reverify();
  }

  private handlePicked(event: BoaEnterprisePickedEvent): void {
    this.focusAfterLoad = event.detail.enterpriseId > 0;
  }

  private handleFix(event: BoaFixEvent): void {
    this.focusSection(event.detail.section);
  }

  private focusSection(section: TabSection): void {
    const target = this.shadowRoot?.querySelector<HTMLElement>(`[data-section="${section}"]`);
    target?.scrollIntoView?.({block: 'nearest'});
    target?.focus();
  }

  private renderLoadFailure(failure: LoadFailure) {
    const t = this.services.t;
    return html`<div class="alert alert--fail" role="alert">
      <p><strong>${t('tab_load_failed')}</strong></p>
      <p>${abiquoMessage(t, failure.failure.code, failure.failure.facts)}</p>
      <button type="button" @click=${() => this.load.run()}>${t('tab_retry')}</button>
    </div>`;
  }

  private renderTab(loaded: Loaded) {
    const t = this.services.t;
    const keynode: KeynodeState = {...loaded.keynode, properties: this.properties, hasPricingCredentials: this.hasPricing};
    const desired = this.desired;
    const facts = {
      keynode,
      linked: this.linked,
      pricingVerified: this.pricingBlocked === undefined ? undefined : !this.pricingBlocked,
      desired,
      awaitingDelivery: this.report?.awaitingDelivery === true,
      // An absent amazon_mpa is meaningful (unblended), so it is not required.
      required: amazonPropertyNames.filter((key) => key !== 'amazon_mpa'),
    };
    const items = setupItems(facts);
    const restoreFailed = this.restoreCheck.status === TaskStatus.COMPLETE ? this.restoreCheck.value : undefined;
    const restoring = this.lost.length > 0;
    // Applied here and still what the keynode holds: the report step is done and folds to one line.
    const reportSaved = Boolean(this.applied && !restoring && desired && Object.entries(desired).every(([key, value]) => this.properties[key] === value));
    const sections: [TabSection | 'status' | 'preview', TemplateResult][] = [
      [
        'status',
        html`<section aria-labelledby="h-status">
          <h4 id="h-status" tabindex="-1">${t('tab_setup_heading')}</h4>
          <boa-setup-status
            .t=${t}
            .items=${items}
            ?running=${this.load.status === TaskStatus.PENDING}
            @boa-reverify=${this.handleReverify}
            @boa-fix=${this.handleFix}
          ></boa-setup-status>
        </section>`,
      ],
      [
        'pricing',
        html`<section aria-labelledby="h-pricing">
          <h4 id="h-pricing">${t('tab_pricing_heading')}</h4>
          <boa-pricing-credentials
            ${ref(this.pricingForm)}
            data-section="pricing"
            .services=${this.services}
            ?saved=${this.hasPricing}
            .usedAccounts=${this.usedByLinked}
            @boa-keys-verified=${this.handleKeysVerified}
          ></boa-pricing-credentials>
        </section>`,
      ],
      [
        'report',
        html`<section aria-labelledby="h-report">
          <h4 id="h-report">${t('tab_report_heading')}</h4>
          <boa-cur-report
            ${ref(this.reportForm)}
            data-section="report"
            .services=${this.services}
            .keys=${this.pricingKeys}
            .initial=${this.initialReport()}
            ?blended=${this.blended}
            ?checked-with-saved-keys=${this.checkedWithSavedKeys}
            ?saved=${reportSaved}
            @boa-report-change=${this.handleReportChange}
          ></boa-cur-report>
        </section>`,
      ],
      [
        'properties',
        html`<section aria-labelledby="h-properties">
          <h4 id="h-properties" tabindex="-1" data-section="properties">${t('tab_diff_heading')}</h4>
          <p class="alert alert--fail" role="alert" ?hidden=${!restoreFailed}>
            ${restoreFailed ? abiquoMessage(t, restoreFailed.code, restoreFailed.facts) : ''}
          </p>
          <boa-properties-diff
            ${ref(this.diff)}
            .services=${this.services}
            .current=${this.properties}
            .desired=${desired}
            .keys=${restoring ? undefined : this.pricingKeys}
            .blockedReason=${desired ? undefined : t(this.waitingFor())}
            .lost=${this.lost}
            @boa-applied=${this.handleApplied}
            @boa-credentials-saved=${this.handleCredentialsSaved}
            @boa-properties-reloaded=${this.handlePropertiesReloaded}
          ></boa-properties-diff>
        </section>`,
      ],
      [
        'linked',
        html`<section aria-labelledby="h-linked">
          <h4 id="h-linked">${t('tab_linked_heading')}</h4>
          <boa-linked-accounts
            data-section="linked"
            .services=${this.services}
            .accounts=${this.linked}
            .loadFailure=${loaded.linkedFailure}
            .usedAccounts=${[...this.usedByPricing, ...this.usedByLinked]}
            @boa-linked-accounts-change=${this.handleLinkedChange}
            @boa-reverify=${this.handleReverify}
          ></boa-linked-accounts>
        </section>`,
      ],
    ];
    // The preview only where it can read: a delivered report checked with the pricing keys still in the tab (after Apply
    // saved them, pasting them again brings it back). Nothing to say before: the tab stays as short as it was.
    if (this.pricingKeys && this.report?.billingPeriod && !this.report.awaitingDelivery) {
      sections.push([
        'preview',
        html`<section aria-labelledby="h-preview">
          <h4 id="h-preview">${t('preview_heading')}</h4>
          <boa-preview-launcher
            .services=${this.services}
            .keys=${this.pricingKeys}
            .report=${this.report}
            ?blended=${this.blended}
            .linked=${this.linked}
            @boa-preview-add-account=${() => this.focusSection('linked')}
          ></boa-preview-launcher>
        </section>`,
      ]);
    }
    // What the console's Save lost comes first: its warning and Restore are the first thing in view. Keyed, the
    // sections move rather than being made anew, so the diff keeps its state (Restore's outcome) when it moves back.
    const ordered = restoring ? [...sections.filter(([id]) => id === 'properties'), ...sections.filter(([id]) => id !== 'properties')] : sections;
    return html`
      <boa-saved-line .t=${t} .line=${savedLine(facts)} @boa-fix=${this.handleFix}></boa-saved-line>
      ${repeat(
        ordered,
        ([id]) => id,
        ([, section]) => section,
      )}
    `;
  }

  override render() {
    const t = this.services?.t;
    if (!t) return html``;
    return this.load.render({
      initial: () => html`<p class="progress" role="status">${t('tab_loading')}</p>`,
      pending: () =>
        this.load.value && 'keynode' in this.load.value ? this.renderTab(this.load.value) : html`<p class="progress" role="status">${t('tab_loading')}</p>`,
      error: () => this.renderLoadFailure({failure: {code: 'ABIQUO_UNEXPECTED_RESPONSE'}}),
      complete: (loaded) => {
        if ('unresolved' in loaded) {
          return html`<boa-enterprise-picker
            .t=${t}
            .candidates=${this.candidates ?? []}
            .dialogName=${this.dialogName}
            @boa-enterprise-picked=${this.handlePicked}
          ></boa-enterprise-picker>`;
        }
        if ('failure' in loaded) return this.renderLoadFailure(loaded);
        if (!loaded.keynode.enterprise.keyNode)
          return html`<boa-keynode-explanation .t=${t} .enterpriseName=${loaded.keynode.enterprise.name}></boa-keynode-explanation>`;
        return this.renderTab(loaded);
      },
    });
  }
}
