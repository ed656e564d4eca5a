import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {AwsKeys, Identity, Verdict} from '../../aws/types.ts';
import type {BoaKeysEntry} from '../boa-keys-entry/boa-keys-entry.ts';
import {BoaKeysVerifiedEvent, type BoaKeysInputEvent} from '../events.ts';
import type {BillingServices} from '../services.ts';
import {describeIdentity, formatAccount} from '../shared/identity.ts';
import {Verification} from '../shared/keys-verification.ts';
import {fieldErrors} from '../shared/messages.ts';
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
  };

  private readonly verification = new Verification(this, () => this.services, (verdict) => this.handleVerdict(verdict));
  private readonly keysInput = createRef<BoaKeysEntry>();
  private keys: AwsKeys | undefined;
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

  constructor() {
    super();
    this.saved = false;
    this.usedAccounts = [];
    this.pasting = false;
  }

  /** Saved and nothing pasted in this tab: the step is done and shows as one line, the form on demand. */
  private get folded(): boolean {
    return this.saved && !this.pasting && !this.keys && !this.verification.verdict && !this.verification.running;
  }

  /** Forgets the pasted keys once they are saved: the secret leaves memory and the form. */
  clearSecret(): void {
    this.savedIdentity = this.verification.verdict?.identity ?? this.savedIdentity;
    this.keys = undefined;
    this.keysInput.value?.clear();
    // The checks shown were of the keys just cleared; the identity stays as saved.
    this.verification.reset();
    this.pasting = false;
    this.requestUpdate();
  }

  override focus(): void {
    void this.openForm();
  }

  private async openForm(): Promise<void> {
    this.pasting = true;
    await this.updateComplete;
    this.keysInput.value?.focus();
  }

  private handleKeysInput(event: BoaKeysInputEvent): void {
    event.stopPropagation();
    this.keys = event.keys;
    this.savedIdentity = undefined;
    if (!event.keys) {
      this.verification.reset();
      this.dispatchEvent(new BoaKeysVerifiedEvent({keys: undefined, blocked: false}));
      return;
    }
    this.verification.run({keys: event.keys, expectedUserName: PRICING_USER});
  }

  private handleVerdict(verdict: Verdict): void {
    const blocked = verdict.checks.some((check) => check.status === 'fail');
    this.dispatchEvent(new BoaKeysVerifiedEvent({keys: this.keys, ...(verdict.identity ? {identity: verdict.identity} : {}), blocked}));
  }

  override render() {
    const t = this.services.t;
    const verdict = this.verification.verdict;
    const identity = verdict?.identity ?? this.savedIdentity;
    const elsewhere = identity && this.usedAccounts.find((used) => used.account === identity.account);
    return html`
      <p>
        ${t(this.saved ? 'tab_pricing_saved' : 'tab_pricing_intro')}
        ${this.folded ? html`<button type="button" class="link open-form" @click=${this.openForm}>${t('tab_pricing_paste_again')}</button>` : nothing}
      </p>
      <boa-keys-entry
        ?hidden=${this.folded}
        .services=${this.services}
        heading=${t('tab_pricing_heading')}
        .expectedUserName=${PRICING_USER}
        .note=${t('tab_pricing_not_saved_yet')}
        .errors=${fieldErrors(t, this.verification.checks, this.services.language)}
        ?accepted=${Boolean(this.keys && identity && !this.verification.blocked)}
        @boa-keys-input=${this.handleKeysInput}
        ${ref(this.keysInput)}
      ></boa-keys-entry>
      <p class="identity" ?hidden=${!identity}>${identity ? describeIdentity(t, identity) : ''}</p>
      <p class="alert alert--warn" ?hidden=${!elsewhere}>
        ${elsewhere ? t('tab_account_used_elsewhere', {account: formatAccount(elsewhere.account), where: elsewhere.where}) : ''}
      </p>
      <boa-check-list .t=${t} language=${this.services.language} .checks=${this.verification.checks} ?running=${this.verification.running} label=${t('tab_pricing_checks')}></boa-check-list>
      <div class="actions" ?hidden=${!this.verification.running}>
        <button type="button" @click=${() => this.verification.cancel()}>${t('tab_cancel')}</button>
      </div>
    `;
  }
}
