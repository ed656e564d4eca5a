import {Task, TaskStatus} from '@lit/task';
import {LitElement, html, nothing, type CSSResultGroup, type PropertyValues} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {AwsKeys} from '../../aws/types.ts';
import {BoaAppliedEvent, BoaCredentialsSavedEvent, BoaPropertiesReloadedEvent} from '../events.ts';
import type {ApplyReport} from '../../abiquo/types.ts';
import type {BillingServices} from '../services.ts';
import {focusWithin, keepFocus} from '../shared/focus.ts';
import {abiquoMessage} from '../shared/messages.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-properties-diff.styles.ts';

/** One Apply as the operator sees it: what was asked, and the report read back from the API. */
interface ApplyOutcome {
  readonly report: ApplyReport;
  /** Every `amazon_*` value the diff showed as the outcome, "(unchanged)" ones included. */
  readonly wanted: Readonly<Record<string, string>>;
  readonly loaded: Readonly<Record<string, string>>;
  readonly withKeys: boolean;
  /** When the attempt ended, as the operator's clock says. */
  readonly at: Date;
}

type PropertiesLine = 'saved' | 'unchanged' | 'not-saved' | 'left' | 'unknown';

/** What the re-read says of the properties this Apply meant to write. */
function propertiesLine({report, wanted, loaded}: ApplyOutcome): {line: PropertiesLine; left: string[]} {
  if (!report.stored) return {line: 'unknown', left: []};
  const stored = report.stored.properties;
  const keys = Object.keys(wanted);
  const changed = keys.filter((key) => loaded[key] !== wanted[key]);
  if (!report.failure && !report.cancelled) {
    if (!keys.every((key) => stored[key] === wanted[key])) return {line: 'unknown', left: []};
    return {line: changed.length > 0 ? 'saved' : 'unchanged', left: []};
  }
  const left = changed.filter((key) => stored[key] === wanted[key]);
  return left.length === 0 ? {line: 'not-saved', left: []} : {line: 'left', left};
}

const missing = '—';

/**
 * @summary Each `amazon_*` property, current value → new value, the count of other properties left untouched, and
 * "Apply" (or "Restore" after the console's own Save lost them). Apply is all or nothing (the service's
 * `applySetup`); what it shows afterwards is the API read back, and a conflict with someone else's change is shown
 * with nothing overwritten.
 *
 * @event boa-credentials-saved - Apply saved the pricing credentials (the parent clears the secret at once).
 * @event boa-applied - Apply or Restore finished writing.
 * @event boa-properties-reloaded - Apply failed or was cancelled: the properties as read back.
 */
export class BoaPropertiesDiff extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    services: {attribute: false},
    current: {attribute: false},
    desired: {attribute: false},
    keys: {attribute: false},
    blockedReason: {attribute: false},
    lost: {attribute: false},
    staleOutcome: {state: true},
  };

  private readonly applyButton = createRef<HTMLButtonElement>();
  private readonly outcomeRegion = createRef<HTMLElement>();
  private readonly apply = new Task<[], ApplyOutcome>(this, {
    autoRun: false,
    // Not cut short by a Cancel: the service stops, undoes what it wrote, and reports what the API holds.
    task: async (_args, {signal}) => {
      const loaded = this.current;
      // The whole set the diff shows, "(unchanged)" rows included: one someone else changed meanwhile is a conflict.
      const wanted = {...this.desired};
      const keys = this.keys;
      const report = await this.services.abiquo.applySetup({changes: wanted, loaded, ...(keys ? {keys} : {})}, signal);
      // At once: the secret leaves the form as soon as it is stored.
      if (report.credentialsSaved) this.dispatchEvent(new BoaCredentialsSavedEvent());
      const outcome = {report, wanted, loaded, withKeys: Boolean(keys), at: new Date()};
      if (report.stored) {
        const done = !report.failure && !report.cancelled;
        this.dispatchEvent(
          done
            ? new BoaAppliedEvent({properties: report.stored.properties, credentialsSaved: report.credentialsSaved})
            : new BoaPropertiesReloadedEvent({properties: report.stored.properties}),
        );
      }
      return outcome;
    },
  });

  /** The tab's services. */
  declare services: BillingServices;
  /** The enterprise's properties as last read. */
  declare current: Readonly<Record<string, string>>;
  /** The `amazon_*` values to write; undefined until the checks allow it. */
  declare desired: Readonly<Record<string, string>> | undefined;
  /** Pricing keys to save first, when the operator entered new ones. */
  declare keys: AwsKeys | undefined;
  /** Why Apply is not possible yet (a translated sentence), if it is not. */
  declare blockedReason: string | undefined;
  /** Properties the console's own Save removed or changed: the button becomes "Restore". */
  declare lost: readonly string[];

  declare private staleOutcome: boolean;

  constructor() {
    super();
    this.current = {};
    this.lost = [];
    this.staleOutcome = false;
  }

  /** The spelling a gzip report gets (`GZ` written, or an existing `GZIP` kept): the platform docs disagree on it. */
  private gzipSpelling(desired: Readonly<Record<string, string>>): string | undefined {
    const value = this.current.amazon_billing_compress_format === 'GZIP' ? 'GZIP' : desired.amazon_billing_compress_format;
    return value === 'GZ' || value === 'GZIP' ? value : undefined;
  }

  private changes(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.desired ?? {}).filter(([key, value]) => this.current[key] !== value));
  }

  /** Focuses Apply (Restore while values are lost), scrolled into view; false when it is not there. */
  async focusApply(): Promise<boolean> {
    await this.updateComplete;
    const button = this.applyButton.value;
    if (!button) return false;
    button.scrollIntoView?.({block: 'nearest'});
    button.focus();
    return true;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Values lost since the last outcome: that outcome ("saved") is stale, and would contradict the warning.
    if (changed.has('lost') && this.lost.length > 0) this.staleOutcome = true;
  }

  private async handleApply(): Promise<void> {
    // aria-disabled while saving, so the button keeps focus; a second press does nothing.
    if (this.apply.status === TaskStatus.PENDING) return;
    this.staleOutcome = false;
    const hadFocus = focusWithin(this);
    await this.apply.run([]);
    if (hadFocus) await keepFocus(this, () => this.outcomeRegion.value);
  }

  private renderOutcome() {
    if (this.staleOutcome) return nothing;
    const t = this.services.t;
    if (this.apply.status === TaskStatus.PENDING) {
      return html`<p class="progress">${t('tab_apply_running')}</p>
        <div class="actions"><button type="button" @click=${() => this.apply.abort()}>${t('tab_cancel')}</button></div>`;
    }
    const outcome = this.apply.value;
    if (this.apply.status !== TaskStatus.COMPLETE || !outcome) return nothing;
    const {report} = outcome;
    const properties = propertiesLine(outcome);
    const propertiesText = {
      saved: ['pass', t('tab_apply_properties_saved')],
      unchanged: ['pass', t('tab_apply_properties_unchanged')],
      'not-saved': ['skipped', t('tab_apply_properties_failed')],
      left: ['fail', t('tab_apply_properties_left', {properties: properties.left})],
      unknown: ['warn', t('tab_apply_properties_unknown')],
    } as const;
    const [propertiesStatus, propertiesMessage] = propertiesText[properties.line];
    const steps = html`<ul class="steps">
      ${
        outcome.withKeys
          ? html`<li>
              ${statusIcon(t, report.credentialsSaved ? 'pass' : 'skipped')}
              ${t(report.credentialsSaved ? 'tab_apply_credentials_saved' : 'tab_apply_credentials_failed')}
            </li>`
          : nothing
      }
      <li>${statusIcon(t, propertiesStatus)} ${propertiesMessage}</li>
    </ul>`;
    const untouched = !report.credentialsSaved && properties.line === 'not-saved';
    const undo = report.undoFailure ? html`<p>${abiquoMessage(t, report.undoFailure.code, report.undoFailure.facts)}</p>` : nothing;
    if (report.cancelled) {
      return html`<div class="alert alert--warn">
        ${steps}
        <p>${t(untouched ? 'tab_apply_cancelled' : 'tab_apply_cancelled_late')}</p>
        ${undo}
      </div>`;
    }
    if (!report.failure) {
      const time = new Intl.DateTimeFormat(this.services.language, {timeStyle: 'short'}).format(outcome.at);
      const count = Object.keys(outcome.wanted).length;
      // Every step saved: the "Saved at" line says it all; a step that was not needed keeps the list that says so.
      const allSaved = properties.line === 'saved' && (!outcome.withKeys || report.credentialsSaved);
      return html`<div class="alert alert--pass">
        <p class="saved-at"><strong>${t(report.credentialsSaved ? 'tab_apply_saved_at_with_keys' : 'tab_apply_saved_at', {time, count})}</strong></p>
        ${allSaved ? nothing : steps}
        <p>${t('tab_apply_next')}</p>
      </div>`;
    }
    const conflicts =
      report.failure.code === 'ABIQUO_CONFLICT' && report.stored
        ? Object.keys(outcome.wanted)
            .filter((key) => report.stored!.properties[key] !== outcome.loaded[key])
            .map((key) => ({key, loaded: outcome.loaded[key], theirs: report.stored!.properties[key]}))
        : [];
    // With the conflict table shown, the generic conflict text (which says to re-read) would contradict it.
    if (conflicts.length > 0) {
      return html`<div class="alert alert--fail">
        ${steps}
        <ul>
          ${conflicts.map((c) => html`<li data-conflict=${c.key}>${t('tab_conflict_line', {property: c.key, theirs: c.theirs ?? missing, loaded: c.loaded ?? missing})}</li>`)}
        </ul>
        <p>${t('tab_conflict_next')}</p>
      </div>`;
    }
    return html`<div class="alert alert--fail">
      ${steps}
      <p>${abiquoMessage(t, report.failure.code, report.failure.facts)}</p>
      ${undo}
      <p>${t(untouched ? 'tab_apply_nothing_written' : 'tab_apply_retry')}</p>
    </div>`;
  }

  /** The table of values, what is left as it is, and the spelling note: folded once they are saved. */
  private renderValues(entries: [string, string][], untouched: number, desired: Readonly<Record<string, string>>) {
    const t = this.services.t;
    return html`
      <table>
        <caption class="visually-hidden">
          ${t('tab_diff_caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('tab_diff_property')}</th>
            <th scope="col">${t('tab_diff_current')}</th>
            <th scope="col">${t('tab_diff_new')}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(([key, value]) => {
            const same = this.current[key] === value;
            return html`<tr class=${same ? 'unchanged' : ''} data-property=${key}>
              <th scope="row">${key}</th>
              <td class="value">${this.current[key] ?? missing}</td>
              <td class="value">${same ? t('tab_diff_unchanged') : value}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p>${t('tab_diff_untouched', {count: untouched})}</p>
      ${this.gzipSpelling(desired) ? html`<p class="note" data-note="compress-format">${t('tab_diff_gzip_note', {current: this.gzipSpelling(desired)!})}</p>` : nothing}
    `;
  }

  override render() {
    const t = this.services.t;
    const desired = this.desired;
    if (!desired) return html`<p>${this.blockedReason ?? t('tab_diff_waiting')}</p>`;
    const entries = Object.entries(desired);
    const untouched = Object.keys(this.current).filter((key) => !(key in desired)).length;
    const changes = Object.keys(this.changes()).length;
    const nothingToDo = changes === 0 && !this.keys;
    // Right after a save, the outcome says what was saved: "nothing to apply" above it would read as nothing done.
    const justSaved =
      !this.staleOutcome && this.apply.status === TaskStatus.COMPLETE && !this.apply.value?.report.failure && !this.apply.value?.report.cancelled;
    const restoring = this.lost.length > 0;
    return html`
      ${restoring ? html`<p class="alert alert--warn" role="alert">${t('tab_restore_lost', {properties: [...this.lost]})}</p>` : nothing}
      ${
        justSaved && nothingToDo
          ? html`<details>
              <summary>${t('tab_diff_written', {count: entries.length})}</summary>
              ${this.renderValues(entries, untouched, desired)}
            </details>`
          : this.renderValues(entries, untouched, desired)
      }
      <p ?hidden=${!nothingToDo || justSaved}>${t('tab_diff_nothing')}</p>
      <p ?hidden=${!this.blockedReason}>${this.blockedReason ?? ''}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${nothingToDo || Boolean(this.blockedReason)}
          aria-disabled=${this.apply.status === TaskStatus.PENDING ? 'true' : 'false'}
          @click=${this.handleApply}
          ${ref(this.applyButton)}
        >
          ${t(restoring ? 'tab_restore' : 'tab_apply')}
        </button>
      </div>
      <div class="outcome" aria-live="polite" tabindex="-1" ${ref(this.outcomeRegion)}>${this.renderOutcome()}</div>
    `;
  }
}
