import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {AwsKeys, Identity} from '../../aws/types.ts';
import type {BoaVerifiedKeys} from '../boa-verified-keys/boa-verified-keys.ts';
import {BoaKeysVerifiedEvent, type BoaKeysCheckingEvent} from '../events.ts';
import type {BillingServices} from '../services.ts';
import {describeIdentity, formatAccount} from '../shared/identity.ts';
import {baseStyles} from '../shared/styles.ts';
import type {UsedAccount} from '../shared/used-accounts.ts';
import styles from './boa-pricing-credentials.styles.ts';

/** The IAM user the reference procedure's CloudFormation template creates for pricing. */
export const PRICING_USER = 'abiquo-billing-user';

/**
 * @summary The keynode's pricing credentials (`abiquo-billing-user` of the main account): keys in, checked at once
 * with STS, identity shown, warnings for keys that belong to an account already used on this screen.
 *
 * @event boa-keys-verified - The keys the operator entered were checked (or emptied).
 */
export class BoaPricingCredentials extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    services: {attribute: false},
    saved: {type: Boolean},
    usedAccounts: {attribute: false},
    pasting: {state: true},
    checking: {state: true},
  };

  private readonly keysForm = createRef<BoaVerifiedKeys>();
  private keys: AwsKeys | undefined;
  /** Whose the keys entered are, once checked. */
  private identity: Identity | undefined;
  /** Whose keys were saved last, still shown once the verification (which held the secret) is forgotten. */
  private savedIdentity: Identity | undefined;

  /** The tab's services. */
  declare services: BillingServices;
  /** Whether the keynode already has pricing credentials (the API never shows them). */
  declare saved: boolean;
  /** Accounts in use elsewhere on this screen (linked accounts), for the "same account" warning. */
  declare usedAccounts: readonly UsedAccount[];
  /** The operator asked for the form although keys are saved (to check or replace them). */
  declare private pasting: boolean;
  /** A check of the keys entered is running. */
  declare private checking: boolean;

  constructor() {
    super();
    this.saved = false;
    this.usedAccounts = [];
    this.pasting = false;
    this.checking = false;
  }

  /** Saved and nothing pasted in this tab: the step is done and shows as one line, the form on demand. */
  private get folded(): boolean {
    return this.saved && !this.pasting && !this.keys && !this.checking;
  }

  /** Forgets the pasted keys once they are saved: the secret leaves memory and the form. */
  clearSecret(): void {
    this.savedIdentity = this.identity ?? this.savedIdentity;
    this.keys = undefined;
    this.identity = undefined;
    // The checks shown were of the keys just cleared; the identity stays as saved.
    this.keysForm.value?.clear();
    this.pasting = false;
    this.requestUpdate();
  }

  /** Complete once the key form is rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.keysForm.value?.updateComplete;
    return done;
  }

  override focus(): void {
    void this.openForm();
  }

  private async openForm(): Promise<void> {
    this.pasting = true;
    await this.updateComplete;
    this.keysForm.value?.focus();
  }

  private handleVerified(event: BoaKeysVerifiedEvent): void {
    event.stopPropagation();
    this.keys = event.detail.keys;
    this.identity = event.detail.identity;
    this.savedIdentity = undefined;
    this.dispatchEvent(new BoaKeysVerifiedEvent(event.detail));
  }

  private handleChecking(event: BoaKeysCheckingEvent): void {
    this.checking = event.detail.running;
  }

  override render() {
    const t = this.services.t;
    const identity = this.identity ?? this.savedIdentity;
    const elsewhere = identity && this.usedAccounts.find((used) => used.account === identity.account);
    return html`
      <p>
        ${t(this.saved ? 'tab_pricing_saved' : 'tab_pricing_intro')}
        ${this.folded ? html`<button type="button" class="link open-form" @click=${this.openForm}>${t('tab_pricing_paste_again')}</button>` : nothing}
      </p>
      <p class="identity" ?hidden=${!this.folded || !this.savedIdentity}>${this.savedIdentity ? describeIdentity(t, this.savedIdentity) : ''}</p>
      <boa-verified-keys
        ?hidden=${this.folded}
        .services=${this.services}
        heading=${t('tab_pricing_heading')}
        .expectedUserName=${PRICING_USER}
        .note=${t('tab_pricing_not_saved_yet')}
        .identityShown=${this.savedIdentity}
        .checksLabel=${t('tab_pricing_checks')}
        @boa-keys-verified=${this.handleVerified}
        @boa-keys-checking=${this.handleChecking}
        ${ref(this.keysForm)}
      ></boa-verified-keys>
      <p class="alert alert--warn" ?hidden=${!elsewhere}>
        ${elsewhere ? t('tab_account_used_elsewhere', {account: formatAccount(elsewhere.account), where: elsewhere.where}) : ''}
      </p>
    `;
  }
}
