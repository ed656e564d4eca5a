import {LitElement, html, nothing, type CSSResultGroup, type PropertyValues} from 'lit';
import type {AwsKeys, DiscoveredReport, SetupInput, Verdict, VerifiedReport} from '../../aws/types.ts';
import {BoaReportChangeEvent} from '../events.ts';
import type {BillingServices} from '../services.ts';
import {Verification} from '../shared/keys-verification.ts';
import {fieldErrors} from '../shared/messages.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-cur-report.styles.ts';

// Typing a bucket name is debounced; a pick or a paste is checked at once.
const TYPING_PAUSE_MS = 500;

/**
 * @summary The Cost and Usage Report: bucket as typed (name, `s3://…`, console URL or ARN), region detected from S3,
 * the reports found in the bucket to pick from, every check live, and the blended/unblended choice.
 *
 * @event boa-report-change - A verification finished, or the operator changed the cost choice.
 */
export class BoaCurReport extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    services: {attribute: false},
    keys: {attribute: false},
    initial: {attribute: false},
    blended: {type: Boolean},
    checkedWithSavedKeys: {type: Boolean, attribute: 'checked-with-saved-keys'},
    saved: {type: Boolean},
    bucket: {state: true},
    changing: {state: true},
  };

  private readonly verification = new Verification(
    this,
    () => this.services,
    (verdict) => this.handleVerdict(verdict),
  );
  private picked: DiscoveredReport | undefined;
  /**
   * The last verdict of this bucket, kept while a new check runs so the report radios stay in place (a pick or an
   * arrow key re-checks, and removing the radios would drop the operator's focus).
   */
  private shown: Verdict | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** The tab's services. */
  declare services: BillingServices;
  /** Verified pricing keys; nothing is checked without them. */
  declare keys: AwsKeys | undefined;
  /** The report the properties describe today, so an existing setup is re-checked as it is. */
  declare initial: Omit<SetupInput, 'keys'> | undefined;
  /** Blended costs (`amazon_mpa` dedicated) rather than unblended. */
  declare blended: boolean;
  /** The keys were just saved and cleared from the form: keep the verdict reached with them instead of resetting. */
  declare checkedWithSavedKeys: boolean;
  /** The values this report calls for are what the keynode holds (just applied): the step shows as one line. */
  declare saved: boolean;
  declare private bucket: string;
  /** The operator opened the saved step's form again. */
  declare private changing: boolean;

  constructor() {
    super();
    this.blended = false;
    this.checkedWithSavedKeys = false;
    this.saved = false;
    this.bucket = '';
    this.changing = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typingTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initial') && !this.bucket) this.bucket = this.initial?.bucket ?? '';
    // New keys (the operator just pasted them) re-check the bucket with them; emptied keys stop any check.
    if (changed.has('keys') && changed.get('keys') !== this.keys) {
      if (this.keys && this.bucket) this.verify(this.bucket === this.initial?.bucket ? this.initial : {});
      else if (!this.keys && !this.checkedWithSavedKeys) this.forget();
    }
  }

  private forget(): void {
    this.shown = undefined;
    this.verification.reset();
  }

  /** Re-runs the checks with what the form holds now (the setup status's "Re-verify"). */
  reverify(): void {
    if (this.keys && this.bucket) this.verify(this.picked ? {prefix: this.picked.prefix, reportName: this.picked.reportName} : (this.initial ?? {}));
  }

  override focus(): void {
    void this.openForm();
  }

  private async openForm(): Promise<void> {
    this.changing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#bucket')?.focus();
  }

  /** Saved, and nothing since says otherwise (a check running, or one that failed, keeps the form open). */
  private folded(shown: Verdict | undefined): VerifiedReport | undefined {
    const report = shown?.report;
    if (!this.saved || this.changing || !report || this.verification.running) return undefined;
    return shown.checks.some((check) => check.status === 'fail') ? undefined : report;
  }

  private verify(refine: Omit<SetupInput, 'keys' | 'bucket'>): void {
    clearTimeout(this.typingTimer);
    if (!this.keys || !this.bucket.trim()) return;
    const region = refine.region;
    this.verification.run({
      keys: this.keys,
      expectedUserName: 'abiquo-billing-user',
      bucket: this.bucket.trim(),
      ...(region ? {region} : {}),
      ...(refine.prefix !== undefined ? {prefix: refine.prefix} : {}),
      ...(refine.reportName ? {reportName: refine.reportName} : {}),
    });
  }

  private handleBucketInput(event: InputEvent): void {
    this.bucket = (event.target as HTMLInputElement).value;
    this.picked = undefined;
    this.shown = undefined;
    // Without keys nothing can be checked: what was shown belonged to the previous bucket.
    if (!this.keys && this.verification.verdict) {
      this.verification.reset();
      this.announce(undefined);
    }
    clearTimeout(this.typingTimer);
    // No region: the previous bucket's says nothing about this one.
    this.typingTimer = setTimeout(() => this.verify({}), event.inputType === 'insertFromPaste' ? 0 : TYPING_PAUSE_MS);
  }

  private handlePick(report: DiscoveredReport): void {
    this.picked = report;
    const region = this.shown?.region;
    this.verify({...(region ? {region} : {}), prefix: report.prefix, reportName: report.reportName});
  }

  private handleBlended(blended: boolean): void {
    this.blended = blended;
    this.announce(this.verification.verdict ?? (this.verification.running ? undefined : this.shown));
  }

  private handleVerdict(verdict: Verdict): void {
    this.shown = verdict;
    this.announce(verdict);
  }

  private announce(verdict: Verdict | undefined): void {
    // Blocked only by a failed check: without a verdict there is no report, and the diff says what it waits for.
    const blocked = Boolean(verdict?.checks.some((check) => check.status === 'fail'));
    this.dispatchEvent(new BoaReportChangeEvent({...(verdict?.report ? {report: verdict.report} : {}), blocked, blended: this.blended}));
  }

  private renderReports(verdict: Verdict) {
    const t = this.services.t;
    if (verdict.reports.length === 0) return nothing;
    // The operator's pick wins over the previous verdict's report while its check runs.
    const chosen = this.picked ?? verdict.report;
    return html`<fieldset>
      <legend>${t('tab_report_pick')}</legend>
      ${verdict.reports.map((report, i) => {
        const supported = report.layout === 'legacy';
        const checked = chosen?.reportName === report.reportName && chosen.prefix === report.prefix;
        const path = report.prefix ? `${report.prefix}/${report.reportName}` : report.reportName;
        return html`<div class="choice">
          <input type="radio" name="report" id="report-${i}" .checked=${checked} ?disabled=${!supported} @change=${() => this.handlePick(report)} />
          <label for="report-${i}"
            >${path}${supported ? '' : ` (${t(report.layout === 'cur2' ? 'tab_report_layout_cur2' : 'tab_report_layout_parquet')})`}</label
          >
        </div>`;
      })}
    </fieldset>`;
  }

  /** What the diff below does not show: which delivery was read. Region, prefix, name and compression are its rows. */
  private renderVerified(verdict: Verdict) {
    const t = this.services.t;
    const report = verdict.report;
    if (!report) return nothing;
    if (report.awaitingDelivery) return html`<p class="period">${t('tab_report_awaiting')}</p>`;
    return report.billingPeriod ? html`<p class="period">${t('tab_report_period_line', {period: report.billingPeriod})}</p>` : nothing;
  }

  override render() {
    const t = this.services.t;
    const verdict = this.verification.verdict;
    const shown = verdict ?? this.shown;
    // Once a report is verified its region is a row of the diff below: said there, not twice.
    const region = shown?.region;
    const keptAfterSave = !this.keys && this.checkedWithSavedKeys && Boolean(shown);
    const bucketError = fieldErrors(t, this.verification.checks, this.services.language).bucket;
    const folded = this.folded(shown);
    return html`
      ${
        folded
          ? html`<p class="summary">
              ${t('tab_report_saved_summary', {path: folded.prefix ? `${folded.prefix}/${folded.reportName}` : folded.reportName, bucket: folded.bucket})}
              <button type="button" class="link open-form" @click=${this.openForm}>${t('tab_report_change')}</button>
            </p>`
          : nothing
      }
      <div class="form" ?hidden=${Boolean(folded)}>
        <p class="alert alert--warn" ?hidden=${Boolean(this.keys) || keptAfterSave}>${t('tab_report_needs_keys')}</p>
        <p ?hidden=${!keptAfterSave}>${t('tab_report_checked_saved_keys')}</p>
        <div class="field">
          <label for="bucket">${t('tab_report_bucket_label')}</label>
          <input
            id="bucket"
            type="text"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            aria-describedby=${bucketError ? 'bucket-help bucket-error' : 'bucket-help'}
            aria-invalid=${bucketError ? 'true' : 'false'}
            .value=${this.bucket}
            @input=${this.handleBucketInput}
          />
          <span class="help" id="bucket-help">${t('tab_report_bucket_help')}</span>
          ${bucketError ? html`<span class="field-error" id="bucket-error">${bucketError}</span>` : nothing}
        </div>
        <p ?hidden=${!region || Boolean(shown?.report)}>${t('tab_report_region_detected', {region: region ?? ''})}</p>
        ${shown ? this.renderReports(shown) : nothing} ${verdict ? this.renderVerified(verdict) : nothing}
        <boa-check-list
          .t=${t}
          language=${this.services.language}
          .checks=${this.verification.checks}
          ?running=${this.verification.running}
          label=${t('tab_report_checks')}
        ></boa-check-list>
        <div class="actions" ?hidden=${!this.verification.running}>
          <button type="button" @click=${() => this.verification.cancel()}>${t('tab_cancel')}</button>
        </div>
        <fieldset>
          <legend>${t('tab_mpa_legend')}</legend>
          <div class="choice">
            <input
              type="radio"
              name="mpa"
              id="mpa-blended"
              .checked=${this.blended}
              @change=${() => this.handleBlended(true)}
              aria-describedby="mpa-blended-help"
            />
            <div>
              <label for="mpa-blended">${t('tab_mpa_blended')}</label>
              <span class="help" id="mpa-blended-help">${t('tab_mpa_blended_help')}</span>
            </div>
          </div>
          <div class="choice">
            <input
              type="radio"
              name="mpa"
              id="mpa-unblended"
              .checked=${!this.blended}
              @change=${() => this.handleBlended(false)}
              aria-describedby="mpa-unblended-help"
            />
            <div>
              <label for="mpa-unblended">${t('tab_mpa_unblended')}</label>
              <span class="help" id="mpa-unblended-help">${t('tab_mpa_unblended_help')}</span>
            </div>
          </div>
        </fieldset>
      </div>
    `;
  }
}
