import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import type {Translate} from '../../shared/i18n.ts';
import {BoaEnterprisePickedEvent} from '../events.ts';
import type {EnterpriseSummary} from '../../abiquo/types.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-enterprise-picker.styles.ts';

/**
 * @summary The last resort when neither the console's own requests nor the dialog's name told which enterprise the
 * dialog edits: the operator picks the keynode from a list.
 * @event boa-enterprise-picked - The operator chose an enterprise (`detail.enterpriseId`).
 */
export class BoaEnterprisePicker extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    candidates: {attribute: false},
    dialogName: {attribute: false},
  };

  /** Translator of the console's language. */
  declare t: Translate;
  /** The keynode enterprises the operator can see. */
  declare candidates: readonly EnterpriseSummary[];
  /** The name the console's dialog shows, if it could be read: the candidate of that exact name is preselected. */
  declare dialogName: string | undefined;

  constructor() {
    super();
    this.candidates = [];
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const select = (event.target as HTMLFormElement).elements.namedItem('enterprise') as HTMLSelectElement;
    this.dispatchEvent(new BoaEnterprisePickedEvent({enterpriseId: Number(select.value)}));
  }

  override render() {
    const t = this.t;
    const name = this.dialogName;
    // No keynode of the dialog's name: the enterprise being edited is not one, and picking another would edit the wrong one.
    const match = name ? this.candidates.find((e) => e.name === name) : undefined;
    const notKeynode = name && !match ? html`<p class="alert alert--warn" role="alert">${t('tab_pick_not_keynode', {name})}</p>` : nothing;
    if (this.candidates.length === 0) return notKeynode === nothing ? html`<p class="alert alert--warn" role="alert">${t('tab_pick_none')}</p>` : notKeynode;
    return html`<form @submit=${this.handleSubmit}>
      <p>${t('tab_pick_intro')}</p>
      ${match ? html`<p>${t('tab_pick_dialog_name', {name: match.name})}</p>` : notKeynode}
      <label for="enterprise">${t('tab_pick_label')}</label>
      <select id="enterprise" name="enterprise">
        ${this.candidates.map((e) => html`<option value=${e.id} ?selected=${e === match}>${e.name}</option>`)}
      </select>
      <button type="submit" class="primary">${t('tab_pick_open')}</button>
    </form>`;
  }
}
