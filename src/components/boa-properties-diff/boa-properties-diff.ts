import {Task, TaskStatus, initialState} from '@lit/task';
import {LitElement, html, nothing, type CSSResultGroup, type PropertyValues} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {AwsKeys} from '../../aws/types.ts';
import {BoaAppliedEvent, BoaCredentialsSavedEvent, BoaPropertiesReloadedEvent} from '../events.ts';
import type {BillingServices} from '../services.ts';
import {untilAborted} from '../shared/abortable.ts';
import {focusWithin, keepFocus} from '../shared/focus.ts';
import {abiquoFailure, abiquoMessage, type AbiquoFailure} from '../shared/messages.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-properties-diff.styles.ts';

/**
 * What one Apply did, step by step, so a failure half-way says exactly what was saved. `pending` is a step under
 * way; a Cancel turns it into `unknown` (the request may still have reached Abiquo).
 */
interface ApplyOutcome {
  credentials: 'saved' | 'failed' | 'not-needed' | 'not-reached' | 'pending' | 'unknown';
  properties: 'saved' | 'failed' | 'not-reached' | 'conflict' | 'pending' | 'unknown';
  failure?: AbiquoFailure;
  /** On conflict: each key someone else changed, with the value it had when loaded and the value it has now. */
  conflicts?: readonly {key: string; loaded: string | undefined; theirs: string | undefined}[];
  cancelled?: boolean;
}

const missing = '—';

/**
 * @summary Each `amazon_*` property, current value → new value, the count of other properties left untouched, and
 * "Apply" (or "Restore" after the console's own Save lost them). Apply saves the pricing credentials first, then
 * the properties over a fresh read; a conflict with someone else's change is shown and nothing is overwritten.
 *
 * @event boa-credentials-saved - Apply saved the pricing credentials (the parent clears the secret at once).
 * @event boa-applied - Apply or Restore finished writing.
 * @event boa-properties-reloaded - Apply met someone else's change (or was cancelled) and re-read the properties.
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

  /**
   * The pricing keys were saved by an Apply whose properties then failed, so a retry does not resend them. A
   * boolean, not the keys: the parent drops the keys as soon as they are saved.
   */
  private credentialsSaved = false;
  private readonly applyButton = createRef<HTMLButtonElement>();
  private readonly outcomeRegion = createRef<HTMLElement>();
  private readonly apply = new Task<[], ApplyOutcome>(this, {
    autoRun: false,
    task: async (_args, {signal}) => {
      // Filled in as each step completes, so a Cancel can still say what was saved.
      const outcome: ApplyOutcome = {credentials: 'not-needed', properties: 'not-reached'};
      const done = await untilAborted(this.write(outcome, signal), signal);
      if (done === initialState) return this.cancelled(outcome);
      if (outcome.properties === 'saved') this.credentialsSaved = false;
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

  override willUpdate(changed: PropertyValues<this>): void {
    // New keys from the operator are saved by the next Apply.
    if (changed.has('keys') && this.keys) this.credentialsSaved = false;
  }

  private changes(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.desired ?? {}).filter(([key, value]) => this.current[key] !== value));
  }

  private async write(outcome: ApplyOutcome, signal: AbortSignal): Promise<void> {
    const abiquo = this.services.abiquo;
    const keys = this.keys;
    if (keys && !this.credentialsSaved) {
      outcome.credentials = 'pending';
      const saved = await abiquo.savePricingCredentials(keys, signal);
      if (!saved.ok) {
        Object.assign(outcome, {credentials: 'failed', failure: abiquoFailure(saved)});
        return;
      }
      outcome.credentials = 'saved';
      this.credentialsSaved = true;
      // At once, not after the properties: the secret must leave the form even if the next step fails.
      this.dispatchEvent(new BoaCredentialsSavedEvent());
    } else if (keys) outcome.credentials = 'saved';
    const loaded = this.current;
    const changes = this.changes();
    outcome.properties = 'pending';
    const written = await abiquo.applyProperties(changes, loaded, signal);
    if (written.ok) {
      outcome.properties = 'saved';
      this.dispatchEvent(new BoaAppliedEvent({properties: written.value, credentialsSaved: outcome.credentials === 'saved'}));
      return;
    }
    outcome.failure = abiquoFailure(written);
    if (written.code !== 'ABIQUO_CONFLICT') {
      outcome.properties = 'failed';
      return;
    }
    outcome.properties = 'conflict';
    // Show whose value is there now; the operator's own values stay in the diff for a deliberate second Apply.
    const fresh = await abiquo.readProperties(signal);
    if (!fresh.ok) return;
    outcome.conflicts = Object.keys(changes)
      .filter((key) => fresh.value[key] !== loaded[key])
      .map((key) => ({key, loaded: loaded[key], theirs: fresh.value[key]}));
    this.dispatchEvent(new BoaPropertiesReloadedEvent({properties: fresh.value}));
  }

  /** After a Cancel: a step under way may or may not have reached Abiquo, so read the properties again to tell. */
  private async cancelled(outcome: ApplyOutcome): Promise<ApplyOutcome> {
    const result: ApplyOutcome = {
      credentials: outcome.credentials === 'pending' ? 'unknown' : outcome.credentials,
      properties: outcome.properties === 'pending' ? 'unknown' : outcome.properties,
      cancelled: true,
    };
    if (result.properties !== 'unknown') return result;
    const wanted = this.changes();
    // The Apply's own signal is aborted; this read is short and its answer is what the operator needs.
    const fresh = await this.services.abiquo.readProperties(new AbortController().signal);
    if (!fresh.ok) return result;
    if (Object.entries(wanted).every(([key, value]) => fresh.value[key] === value)) {
      this.dispatchEvent(new BoaAppliedEvent({properties: fresh.value, credentialsSaved: result.credentials === 'saved'}));
      return {...result, properties: 'saved'};
    }
    this.dispatchEvent(new BoaPropertiesReloadedEvent({properties: fresh.value}));
    return result;
  }

  private async handleApply(): Promise<void> {
    // aria-disabled while saving, so the button keeps focus; a second press does nothing.
    if (this.apply.status === TaskStatus.PENDING) return;
    const hadFocus = focusWithin(this);
    await this.apply.run([]);
    if (hadFocus) await keepFocus(this, () => this.outcomeRegion.value);
  }

  private renderOutcome() {
    const t = this.services.t;
    if (this.apply.status === TaskStatus.PENDING) {
      return html`<p class="progress">${t('tab_apply_running')}</p>
        <div class="actions"><button type="button" @click=${() => this.apply.abort()}>${t('tab_cancel')}</button></div>`;
    }
    const outcome = this.apply.value;
    if (this.apply.status !== TaskStatus.COMPLETE || !outcome) return nothing;
    const credentialsLine = {
      saved: ['pass', 'tab_apply_credentials_saved'],
      failed: ['fail', 'tab_apply_credentials_failed'],
      'not-reached': ['skipped', 'tab_apply_not_reached'],
      pending: ['warn', 'tab_apply_credentials_unknown'],
      unknown: ['warn', 'tab_apply_credentials_unknown'],
    } as const;
    const propertiesLine = {
      saved: ['pass', 'tab_apply_properties_saved'],
      failed: ['fail', 'tab_apply_properties_failed'],
      conflict: ['fail', 'tab_apply_properties_failed'],
      'not-reached': ['skipped', 'tab_apply_properties_not_reached'],
      pending: ['warn', 'tab_apply_properties_unknown'],
      unknown: ['warn', 'tab_apply_properties_unknown'],
    } as const;
    const [credentialsStatus, credentialsText] = outcome.credentials === 'not-needed' ? [] : credentialsLine[outcome.credentials];
    const [propertiesStatus, propertiesText] = propertiesLine[outcome.properties];
    const steps = html`<ul class="steps">
      ${credentialsStatus ? html`<li>${statusIcon(t, credentialsStatus)} ${t(credentialsText)}</li>` : nothing}
      <li>${statusIcon(t, propertiesStatus)} ${t(propertiesText)}</li>
    </ul>`;
    if (outcome.cancelled) {
      return html`<div class="alert alert--warn">${steps}${outcome.properties === 'saved' ? nothing : html`<p>${t('tab_apply_cancelled')}</p>`}</div>`;
    }
    if (!outcome.failure) return html`<div class="alert alert--pass">${steps}</div>`;
    // With the conflict table shown, the generic conflict text (which says to re-read) would contradict it.
    if (outcome.conflicts?.length) {
      return html`<div class="alert alert--fail">
        ${steps}
        <ul>
          ${outcome.conflicts.map(
            (c) => html`<li data-conflict=${c.key}>${t('tab_conflict_line', {property: c.key, theirs: c.theirs ?? missing, loaded: c.loaded ?? missing})}</li>`,
          )}
        </ul>
        <p>${t('tab_conflict_next')}</p>
      </div>`;
    }
    return html`<div class="alert alert--fail">
      ${steps}
      <p>${abiquoMessage(t, outcome.failure.code, outcome.failure.facts)}</p>
      <p>${t('tab_apply_retry')}</p>
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
