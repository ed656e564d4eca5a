import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import type {Translate} from '../../shared/i18n.ts';
import {BoaFixEvent} from '../events.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-saved-line.styles.ts';
import type {SavedLine} from './saved-line.ts';

/**
 * @summary The line that leads the tab, and stays at the top of the dialog as it scrolls: what this keynode holds in
 * Abiquo now, and what was only checked here (with the way to Apply).
 *
 * @event boa-fix - The operator chose "Go to Apply" (detail: `section`, the properties).
 */
export class BoaSavedLine extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    line: {attribute: false},
  };

  /** Translator of the console's language. */
  declare t: Translate;
  /** What is saved and what is not. */
  declare line: SavedLine;

  override render() {
    const t = this.t;
    const line = this.line;
    const phrases = (list: SavedLine['saved']) => list.map((phrase) => t(phrase.key, phrase.facts));
    return html`<p>
      <strong>${line.saved.length > 0 ? t('tab_saved_line', {name: line.name, saved: phrases(line.saved)}) : t('tab_saved_none', {name: line.name})}</strong>
      ${
        line.unsaved.length > 0
          ? html`<span class="unsaved">${t('tab_unsaved_line', {unsaved: phrases(line.unsaved)})}</span>
              <button type="button" class="link" @click=${() => this.dispatchEvent(new BoaFixEvent({section: 'properties'}))}>
                ${t('tab_setup_fix_apply')}
              </button>`
          : nothing
      }
    </p>`;
  }
}
