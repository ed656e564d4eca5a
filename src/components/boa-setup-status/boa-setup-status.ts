import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import type {Translate} from '../../shared/i18n.ts';
import {BoaFixEvent, BoaReverifyEvent, type TabSection} from '../events.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-setup-status.styles.ts';
import type {SavedLine} from './saved-line.ts';
import type {SetupItem} from './setup-items.ts';

/**
 * @summary The whole billing-only setup of the keynode: one line of what is saved on it and what was only checked
 * here, then a checklist of what needs doing (each line's status, reason and fixing action), the lines in order
 * folded away, and "Re-verify".
 *
 * @event boa-reverify - The operator asked to re-run every check.
 * @event boa-fix - The operator chose a line's fixing action (detail: `section`).
 */
export class BoaSetupStatus extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    items: {attribute: false},
    line: {attribute: false},
    running: {type: Boolean},
  };

  /** Translator of the console's language. */
  declare t: Translate;
  /** The checklist lines. */
  declare items: readonly SetupItem[];
  /** What is saved on the keynode; absent until it was read. */
  declare line: SavedLine | undefined;
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

  private renderLine(line: SavedLine) {
    const t = this.t;
    const phrases = (list: SavedLine['saved']) => list.map((phrase) => t(phrase.key, phrase.facts));
    return html`<p class="saved-line">
      <strong>${line.saved.length > 0 ? t('tab_saved_line', {name: line.name, saved: phrases(line.saved)}) : t('tab_saved_none', {name: line.name})}</strong>
      ${line.unsaved.length > 0
        ? html`<span class="unsaved">${t('tab_unsaved_line', {unsaved: phrases(line.unsaved)})}</span>
            <button type="button" class="link" @click=${() => this.handleFix('properties')}>${t('tab_setup_fix_apply')}</button>`
        : nothing}
    </p>`;
  }

  private renderItem(item: SetupItem) {
    const t = this.t;
    return html`<li data-item=${item.id} data-status=${item.status}>
      ${statusIcon(t, item.status)}<span class="reason">${t(item.reason, item.facts)}</span>
      ${item.fix && item.status !== 'pass'
        ? html`<button type="button" class="link" @click=${() => this.handleFix(item.fix!.section)}>${t(item.fix.label)}</button>`
        : nothing}
    </li>`;
  }

  override render() {
    const t = this.t;
    // What is in order folds away: the saved line above already says most of it, and what needs doing stays in view.
    const open = this.items.filter((item) => item.status !== 'pass');
    const done = this.items.filter((item) => item.status === 'pass');
    return html`
      ${this.line ? this.renderLine(this.line) : nothing}
      <ul aria-label=${t('tab_setup_heading')} ?hidden=${open.length === 0} aria-busy=${this.running ? 'true' : 'false'}>
        ${open.map((item) => this.renderItem(item))}
      </ul>
      ${done.length > 0
        ? html`<details>
            <summary>${statusIcon(t, 'pass')} ${t('tab_setup_in_order', {count: done.length})}</summary>
            <ul>
              ${done.map((item) => this.renderItem(item))}
            </ul>
          </details>`
        : nothing}
      <div class="actions">
        <button type="button" aria-disabled=${this.running ? 'true' : 'false'} @click=${this.handleReverify}>${t('tab_reverify')}</button>
        <span class="progress" role="status">${this.running ? t('tab_checking') : ''}</span>
      </div>
    `;
  }
}
