import {LitElement, html, nothing, type CSSResultGroup, type PropertyValues} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {LinkedAccount} from '../../abiquo/types.ts';
import type {AwsKeys, VerifiedReport} from '../../aws/types.ts';
import type {PreviewRequest} from '../../preview/types.ts';
import type {BillingPreviewView, BillingServices} from '../services.ts';
import {baseStyles} from '../shared/styles.ts';

/** "Add account" in the preview: an AWS account with costs that no linked enterprise bills. */
export class BoaPreviewAddAccountEvent extends Event {
  constructor(readonly detail: {readonly accountId: string}) {
    super('boa-preview-add-account', {bubbles: true, composed: true});
  }
}

/**
 * @summary The tab's billing preview section: the button that reads the report, and the preview itself (services.billingPreview, the product's frame). A request changed since (the keys, the
 * report, the cost basis, the linked accounts) is read again only when asked.
 *
 * @event boa-preview-add-account - The operator chose "Add account" for an AWS account (detail: `accountId`).
 */
export class BoaPreviewLauncher extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];
  static override properties = {
    services: {attribute: false},
    keys: {attribute: false},
    report: {attribute: false},
    blended: {type: Boolean},
    linked: {attribute: false},
  };

  declare services: BillingServices;
  /** The pricing keys the tab holds (undefined once saved and cleared). */
  declare keys: AwsKeys | undefined;
  declare report: VerifiedReport | undefined;
  declare blended: boolean;
  declare linked: readonly LinkedAccount[] | undefined;

  private view: BillingPreviewView | undefined;
  private readonly place = createRef<HTMLDivElement>();

  constructor() {
    super();
    this.blended = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.dispose();
    this.view = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Without keys or a readable report, a preview shown would speak of another setup: it goes.
    if (this.view && (changed.has('keys') || changed.has('report')) && !this.request()) {
      this.view.dispose();
      this.view = undefined;
      this.place.value?.replaceChildren();
    }
  }

  private request(): PreviewRequest | undefined {
    const report = this.report;
    if (!this.keys || !report?.billingPeriod || report.awaitingDelivery) return undefined;
    return {
      keys: this.keys,
      report: {
        bucket: report.bucket,
        region: report.region,
        prefix: report.prefix,
        reportName: report.reportName,
        billingPeriod: report.billingPeriod,
        compression: report.compression,
        ...(report.folder ? {folder: report.folder} : {}),
      },
      basis: this.blended ? 'blended' : 'unblended',
      ...(report.payerAccount ? {payerAccount: report.payerAccount} : {}),
      linked: (this.linked ?? []).map((a) => ({enterpriseId: a.enterpriseId, name: a.name, ...(a.awsAccountId ? {awsAccountId: a.awsAccountId} : {})})),
    };
  }

  private preview(): void {
    const request = this.request();
    if (!request) return;
    this.view ??= this.services.billingPreview((accountId) => this.dispatchEvent(new BoaPreviewAddAccountEvent({accountId})));
    if (!this.view.element.isConnected) this.place.value?.replaceChildren(this.view.element);
    this.view.start(request);
  }

  override render() {
    // The tab shows this section only once a report can be read; without one it offers nothing.
    const report = this.request()?.report;
    return html`${
        report
          ? html`<p>${this.services.t('preview_intro', {period: report.billingPeriod})}</p>
              <button type="button" class="preview" @click=${this.preview}>${this.services.t('preview_start')}</button>`
          : nothing
      }
      <div ${ref(this.place)}></div>`;
  }
}
