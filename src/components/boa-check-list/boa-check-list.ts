import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import type {Check} from '../../aws/types.ts';
import type {Translate} from '../../shared/i18n.ts';
import {checkMessage} from '../shared/messages.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-check-list.styles.ts';

/**
 * @summary The checks of one verification, each with a status icon (and its text), its translated message and
 * fix, announced politely as they arrive; once done, the passed ones fold into "N checks passed".
 *
 * @csspart base - The list.
 */
export class BoaCheckList extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    checks: {attribute: false},
    running: {type: Boolean},
    label: {},
    language: {},
  };

  /** Translator of the console's language. */
  declare t: Translate;
  /** Checks to show, in the order they arrived. */
  declare checks: readonly Check[];
  /** Whether more checks are still coming. */
  declare running: boolean;
  /** Accessible name of the list. */
  declare label: string;
  /** The console's language, for dates in the messages. */
  declare language: string | undefined;

  constructor() {
    super();
    this.checks = [];
    this.running = false;
    this.label = '';
  }

  private item(check: Check) {
    return html`<li data-code=${check.code} data-status=${check.status}>
      ${statusIcon(this.t, check.status)}<span class="message">${checkMessage(this.t, check, this.language)}</span>
    </li>`;
  }

  override render() {
    // Once the run is over, what passed folds into one line (details on demand); whatever did not stays open.
    const folded = this.running ? [] : this.checks.filter((check) => check.status === 'pass');
    const open = this.checks.filter((check) => !folded.includes(check));
    return html`
      <div aria-live="polite" aria-busy=${this.running ? 'true' : 'false'}>
        <p class="progress" ?hidden=${!this.running}>${this.t?.('tab_checking')}</p>
        <ul part="base" aria-label=${this.label} ?hidden=${open.length === 0}>
          ${open.map((check) => this.item(check))}
        </ul>
        ${
          folded.length > 0
            ? html`<details>
                <summary>${statusIcon(this.t, 'pass')} ${this.t('tab_checks_passed', {count: folded.length})}</summary>
                <ul aria-label=${this.label}>
                  ${folded.map((check) => this.item(check))}
                </ul>
              </details>`
            : nothing
        }
      </div>
    `;
  }
}
