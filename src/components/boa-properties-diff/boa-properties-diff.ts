import {Task, TaskStatus, initialState} from '@lit/task';
import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import type {AwsKeys} from '../../aws/types.ts';
import {BoaAppliedEvent, BoaPropertiesReloadedEvent} from '../events.ts';
import type {AbiquoCode, BillingServices} from '../services.ts';
import {untilAborted} from '../shared/abortable.ts';
import {abiquoMessage} from '../shared/messages.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-properties-diff.styles.ts';

interface Failure {
  readonly code: AbiquoCode;
  readonly facts?: Readonly<Record<string, string | number>>;
}

/** What one Apply did, step by step, so a failure half-way says exactly what was saved. */
interface ApplyOutcome {
  readonly credentials: 'saved' | 'failed' | 'not-needed' | 'not-reached';
  readonly properties: 'saved' | 'failed' | 'not-reached' | 'conflict';
  readonly failure?: Failure;
  /** On conflict: each key someone else changed, with the value it had when loaded and the value it has now. */
  readonly conflicts?: readonly {key: string; loaded: string | undefined; theirs: string | undefined}[];
}

const missing = '—';

/**
 * @summary Each `amazon_*` property, current value → new value, the count of other properties left untouched, and
 * "Apply" (or "Restore" after the console's own Save lost them). Apply saves the pricing credentials first, then
 * the properties over a fresh read; a conflict with someone else's change is shown and nothing is overwritten.
 *
 * @event boa-applied - Apply or Restore finished writing.
 * @event boa-properties-reloaded - Apply met someone else's change and re-read the properties.
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
  };

  /** Keys whose credentials this element already saved, so a retry after a half-way failure does not resend them. */
  private savedKeys: AwsKeys | undefined;
  private readonly apply = new Task<[], ApplyOutcome>(this, {
    autoRun: false,
    task: async (_args, {signal}) => {
      const outcome = await untilAborted(this.write(signal), signal);
      if (outcome !== initialState && outcome.properties === 'saved') this.savedKeys = undefined;
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

  constructor() {
    super();
    this.current = {};
    this.lost = [];
  }

  private changes(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.desired ?? {}).filter(([key, value]) => this.current[key] !== value));
  }

  private async write(signal: AbortSignal): Promise<ApplyOutcome> {
    const abiquo = this.services.abiquo;
    const keys = this.keys;
    let credentials: ApplyOutcome['credentials'] = 'not-needed';
    if (keys && keys !== this.savedKeys) {
      const saved = await abiquo.savePricingCredentials(keys, signal);
      if (!saved.ok) return {credentials: 'failed', properties: 'not-reached', failure: failure(saved)};
      this.savedKeys = keys;
      credentials = 'saved';
    } else if (keys) credentials = 'saved';
    const loaded = this.current;
    const written = await abiquo.applyProperties(this.changes(), loaded, signal);
    if (written.ok) {
      this.dispatchEvent(new BoaAppliedEvent({properties: written.value, credentialsSaved: credentials === 'saved'}));
      return {credentials, properties: 'saved'};
    }
    if (written.code !== 'ABIQUO_CONFLICT') return {credentials, properties: 'failed', failure: failure(written)};
    // Show whose value is there now; the operator's own values stay in the diff for a deliberate second Apply.
    const fresh = await abiquo.readProperties(signal);
    if (!fresh.ok) return {credentials, properties: 'conflict', failure: failure(written)};
    const keysChanged = Object.keys(this.changes()).filter((key) => fresh.value[key] !== loaded[key]);
    this.dispatchEvent(new BoaPropertiesReloadedEvent({properties: fresh.value}));
    return {
      credentials,
      properties: 'conflict',
      failure: failure(written),
      conflicts: keysChanged.map((key) => ({key, loaded: loaded[key], theirs: fresh.value[key]})),
    };
  }

  private handleApply(): void {
    void this.apply.run([]);
  }

  private renderOutcome() {
    const t = this.services.t;
    if (this.apply.status === TaskStatus.PENDING) {
      return html`<p class="progress">${t('tab_apply_running')}</p>
        <div class="actions"><button type="button" @click=${() => this.apply.abort()}>${t('tab_cancel')}</button></div>`;
    }
    const outcome = this.apply.value;
    if (this.apply.status !== TaskStatus.COMPLETE || !outcome) return nothing;
    const steps = html`<ul class="steps">
      ${outcome.credentials === 'not-needed'
        ? nothing
        : html`<li>${statusIcon(t, outcome.credentials === 'saved' ? 'pass' : outcome.credentials === 'failed' ? 'fail' : 'skipped')}
            ${t(outcome.credentials === 'saved' ? 'tab_apply_credentials_saved' : outcome.credentials === 'failed' ? 'tab_apply_credentials_failed' : 'tab_apply_not_reached')}</li>`}
      <li>${statusIcon(t, outcome.properties === 'saved' ? 'pass' : outcome.properties === 'not-reached' ? 'skipped' : 'fail')}
        ${t(outcome.properties === 'saved' ? 'tab_apply_properties_saved' : outcome.properties === 'not-reached' ? 'tab_apply_properties_not_reached' : 'tab_apply_properties_failed')}</li>
    </ul>`;
    if (!outcome.failure) return html`<div class="alert alert--pass">${steps}</div>`;
    return html`<div class="alert alert--fail">
      ${steps}
      <p>${abiquoMessage(t, outcome.failure.code, outcome.failure.facts)}</p>
      ${outcome.conflicts?.length
        ? html`<ul>
              ${outcome.conflicts.map(
                (c) => html`<li data-conflict=${c.key}>${t('tab_conflict_line', {property: c.key, theirs: c.theirs ?? missing, loaded: c.loaded ?? missing})}</li>`,
              )}
            </ul>
            <p>${t('tab_conflict_next')}</p>`
        : html`<p>${t('tab_apply_retry')}</p>`}
    </div>`;
  }

  override render() {
    const t = this.services.t;
    const desired = this.desired;
    if (!desired) return html`<p>${this.blockedReason ?? t('tab_diff_waiting')}</p>`;
    const entries = Object.entries(desired);
    const untouched = Object.keys(this.current).filter((key) => !(key in desired)).length;
    const changes = Object.keys(this.changes()).length;
    const nothingToDo = changes === 0 && !this.keys;
    const restoring = this.lost.length > 0;
    return html`
      ${restoring ? html`<p class="alert alert--warn" role="alert">${t('tab_restore_lost', {properties: [...this.lost]})}</p>` : nothing}
      <table>
        <caption class="visually-hidden">${t('tab_diff_caption')}</caption>
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
      <p ?hidden=${!nothingToDo}>${t('tab_diff_nothing')}</p>
      <p ?hidden=${!this.blockedReason}>${this.blockedReason ?? ''}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${nothingToDo || Boolean(this.blockedReason) || this.apply.status === TaskStatus.PENDING}
          @click=${this.handleApply}
        >
          ${t(restoring ? 'tab_restore' : 'tab_apply')}
        </button>
      </div>
      <div aria-live="polite">${this.renderOutcome()}</div>
    `;
  }
}

function failure(result: {code: AbiquoCode; facts?: Readonly<Record<string, string | number>>}): Failure {
  return {code: result.code, ...(result.facts ? {facts: result.facts} : {})};
}
