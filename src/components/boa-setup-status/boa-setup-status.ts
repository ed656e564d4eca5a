import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import type {Translate} from '../../shared/i18n.ts';
import {BoaFixEvent, BoaReverifyEvent, type TabSection} from '../events.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-setup-status.styles.ts';
import type {SetupItem} from './setup-items.ts';

/**
 * @summary The whole billing-only setup of the keynode as a checklist: what needs doing (each line's status, reason
 * and fixing action) in view, the lines in order folded away (boa-saved-line above says what is saved), and
 * "Re-verify".
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

  private renderItem(item: SetupItem) {
    const t = this.t;
    return html`<li data-item=${item.id} data-status=${item.status}>
      ${statusIcon(t, item.status)}<span class="reason">${t(item.reason, item.facts)}</span>
      ${
        item.fix && item.status !== 'pass'
          ? html`<button type="button" class="link" @click=${() => this.handleFix(item.fix!.section)}>${t(item.fix.label)}</button>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const t = this.t;
    // What is in order folds away: the saved line above the tab says most of it, and what needs doing stays in view.
    const open = this.items.filter((item) => item.status !== 'pass');
    const done = this.items.filter((item) => item.status === 'pass');
    return html`
      <ul aria-label=${t('tab_setup_heading')} ?hidden=${open.length === 0} aria-busy=${this.running ? 'true' : 'false'}>
        ${open.map((item) => this.renderItem(item))}
      </ul>
      ${
        done.length > 0
          ? html`<details>
              <summary>${statusIcon(t, 'pass')} ${t('tab_setup_in_order', {count: done.length})}</summary>
              <ul>
                ${done.map((item) => this.renderItem(item))}
              </ul>
            </details>`
          : nothing
      }
      <div class="actions">
        <button type="button" aria-disabled=${this.running ? 'true' : 'false'} @click=${this.handleReverify}>${t('tab_reverify')}</button>
        <span class="progress" role="status">${this.running ? t('tab_checking') : ''}</span>
      </div>
    `;
  }
}
