import {LitElement, html, type CSSResultGroup} from 'lit';
import type {Translate} from '../../shared/i18n.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-keynode-explanation.styles.ts';

/**
 * @summary Shown instead of the form on an enterprise that is not a keynode: why the tab does not apply and what
 * to do (billing-only AWS is configured on the keynode enterprise of the customer), or how to make this one the keynode.
 */
export class BoaKeynodeExplanation extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    enterpriseName: {attribute: false},
  };

  /** Translator of the console's language. */
  declare t: Translate;
  /** Name of the enterprise being edited. */
  declare enterpriseName: string;

  constructor() {
    super();
    this.enterpriseName = '';
  }

  override render() {
    const t = this.t;
    return html`<div class="alert alert--warn">
      <p><strong>${t('tab_not_keynode', {name: this.enterpriseName})}</strong></p>
      <p>${t('tab_not_keynode_why')}</p>
      <ol>
        <li>${t('tab_not_keynode_step1')}</li>
        <li>${t('tab_not_keynode_step2')}</li>
      </ol>
      <p>${t('tab_not_keynode_make')}</p>
    </div>`;
  }
}
