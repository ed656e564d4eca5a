import {LitElement, html, type CSSResultGroup} from 'lit';
import type {Translate} from '../../shared/i18n.ts';
import {BoaFixEvent, BoaReverifyEvent, type TabSection} from '../events.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-setup-status.styles.ts';
import type {SetupItem} from './setup-items.ts';

/**
 * @summary The whole billing-only setup of the keynode as one checklist: each line's status, one-line reason and
 * the action that fixes it, plus "Re-verify".
 *
 * @event boa-reverify - The operator asked to re-run every check.
 * @event boa-fix - The operator chose a line's fixing action (detail: `section`).
 */
export class BoaSetupStatus extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    items: {attribute: false},
    running: {type: Boolean},
  };

  /** Translator of the console's language. */
  declare t: Translate;
  /** The checklist lines. */
  declare items: readonly SetupItem[];
  /** Whether a re-verification is under way. */
  declare running: boolean;

  constructor() {
    super();
    this.items = [];
    this.running = false;
  }

  // aria-disabled rather than disabled while running: a disabled button would drop the keyboard focus on the page.
  private handleReverify(): void {
    if (!this.running) this.dispatchEvent(new BoaReverifyEvent());
  }

  private handleFix(section: TabSection): void {
    this.dispatchEvent(new BoaFixEvent({section}));
  }

  override render() {
    const t = this.t;
    return html`
      <ul aria-label=${t('tab_setup_heading')} aria-busy=${this.running ? 'true' : 'false'}>
        ${this.items.map(
          (item) => html`<li data-item=${item.id} data-status=${item.status}>
            ${statusIcon(t, item.status)}<span class="reason">${t(item.reason, item.facts)}</span>
            ${item.fix && item.status !== 'pass'
              ? html`<button type="button" class="link" @click=${() => this.handleFix(item.fix!.section)}>${t(item.fix.label)}</button>`
              : ''}
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button type="button" aria-disabled=${this.running ? 'true' : 'false'} @click=${this.handleReverify}>${t('tab_reverify')}</button>
        <span class="progress" role="status">${this.running ? t('tab_checking') : ''}</span>
      </div>
    `;
  }
}
