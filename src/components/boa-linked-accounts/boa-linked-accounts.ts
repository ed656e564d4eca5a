import {Task, TaskStatus, initialState} from '@lit/task';
import {LitElement, html, nothing, type CSSResultGroup} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {AwsKeys, Identity} from '../../aws/types.ts';
import type {BoaVerifiedKeys} from '../boa-verified-keys/boa-verified-keys.ts';
import {BoaLinkedAccountsChangeEvent, BoaReverifyEvent, type BoaKeysCheckingEvent, type BoaKeysVerifiedEvent} from '../events.ts';
import type {AbiquoCode} from '../../abiquo/codes.ts';
import type {AddedAccount, LinkedAccount, NewLinkedAccount} from '../../abiquo/types.ts';
import type {BillingServices} from '../services.ts';
import {untilAborted} from '../shared/abortable.ts';
import {focusWithin, keepFocus} from '../shared/focus.ts';
import {enterpriseNameProblem, type EnterpriseNameProblem} from './enterprise-name.ts';
import {formatAccount} from '../shared/identity.ts';
import {abiquoMessage, type AbiquoFailure} from '../shared/messages.ts';
import {statusIcon} from '../shared/status-icon.ts';
import {failureOf} from '../../shared/result.ts';
import {baseStyles} from '../shared/styles.ts';
import type {UsedAccount} from '../shared/used-accounts.ts';
import styles from './boa-linked-accounts.styles.ts';

/** The IAM user the reference procedure creates in each linked account. */
export const PUBLIC_USER = 'abiquo-billing-user-public';
/** The payer account's bucket reader, whose keys are the pricing credentials: never a linked account's. */
const PRICING_USER = 'abiquo-billing-user';

/** Why these keys must not be added as they are; `overridable` ones may be, on the operator's deliberate choice. */
interface Refusal {
  readonly key: 'tab_linked_refuse_pricing_user' | 'tab_linked_refuse_account_used' | 'tab_linked_refuse_not_public_user';
  readonly subs: Readonly<Record<string, string>>;
  readonly overridable: boolean;
}

function refusalFor(identity: Identity, used: readonly UsedAccount[]): Refusal | undefined {
  if (identity.userName === PRICING_USER) return {key: 'tab_linked_refuse_pricing_user', subs: {user: identity.userName}, overridable: false};
  const elsewhere = used.find((u) => u.account === identity.account);
  if (elsewhere) return {key: 'tab_linked_refuse_account_used', subs: {account: formatAccount(elsewhere.account), where: elsewhere.where}, overridable: true};
  if (identity.userName !== PUBLIC_USER)
    return {key: 'tab_linked_refuse_not_public_user', subs: {user: identity.userName, expected: PUBLIC_USER}, overridable: true};
  return undefined;
}

/**
 * @summary The standard enterprises billed through this keynode, with their AMAZON credential status and AWS
 * account, and "Add account": a name and pasted `abiquo-billing-user-public` keys, checked with STS before anything
 * is created. Keys of the pricing user are refused; keys of an account already used on this screen, or of another
 * IAM user, are refused unless the operator deliberately adds them anyway. "Only for billing" is not set (the
 * reference procedure says so).
 *
 * @event boa-linked-accounts-change - An account was added (detail: `accounts`, the whole list).
 * @event boa-reverify - The operator asked to read the list again after it failed to load.
 */
export class BoaLinkedAccounts extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    services: {attribute: false},
    accounts: {attribute: false},
    loadFailure: {attribute: false},
    usedAccounts: {attribute: false},
    name: {state: true},
    nameProblem: {state: true},
    keysProblem: {state: true},
    override: {state: true},
    keepOnFailure: {state: true},
    refused: {state: true},
    formOpen: {state: true},
    checking: {state: true},
  };

  private readonly keysInput = createRef<BoaVerifiedKeys>();
  private readonly nameField = createRef<HTMLInputElement>();
  private readonly outcomeRegion = createRef<HTMLElement>();
  private keys: AwsKeys | undefined;
  /** Whose the keys entered are, and whether a check failed, once checked. */
  private checked: {readonly identity?: Identity; readonly blocked: boolean} | undefined;
  /** The account about to be added: task arguments outlive their run, and this one holds the secret. */
  private pending: NewLinkedAccount | undefined;
  private readonly add = new Task<[], AddedAccount | {failure: AbiquoFailure} | {cancelled: string}>(this, {
    autoRun: false,
    task: async (_args, {signal}) => {
      const account = this.pending!;
      this.pending = undefined;
      const added = await untilAborted(this.services.abiquo.addLinkedAccount(account, signal), signal);
      if (added === initialState) {
        // Either step may have reached Abiquo: read the list again so it shows what exists now.
        void this.reloadList();
        return {cancelled: account.name};
      }
      if (!added.ok) {
        const failure = failureOf(added);
        // The enterprise exists without its credentials: list it as such.
        const enterpriseId = failure.facts?.enterpriseId;
        if (added.code === 'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED' && typeof enterpriseId === 'number') {
          this.upsert({enterpriseId, name: account.name, hasAmazonCredentials: false});
        }
        // Its credentials were kept, and the checked keys tell its AWS account: the list and the preview show it.
        if (added.code === 'ABIQUO_ACCOUNT_EXISTS' && typeof enterpriseId === 'number') {
          this.upsert({enterpriseId, name: account.name.trim(), hasAmazonCredentials: true, awsAccountId: account.awsAccountId});
        }
        return {failure};
      }
      this.keys = undefined;
      this.checked = undefined;
      this.keysInput.value?.clear();
      this.name = '';
      this.override = false;
      this.upsert(added.value.account);
      return added.value;
    },
  });

  /** The tab's services. */
  declare services: BillingServices;
  /** The linked enterprises, undefined while unknown. */
  declare accounts: readonly LinkedAccount[] | undefined;
  /** Why the list could not be read, if it could not. */
  declare loadFailure: AbiquoFailure | undefined;
  /** Accounts in use elsewhere on this screen (the pricing credentials' account and each linked account's). */
  declare usedAccounts: readonly UsedAccount[];
  declare private name: string;
  /** Why the name cannot be used: empty, or it holds what looks like a key (a paste into the wrong field). */
  declare private nameProblem: EnterpriseNameProblem | undefined;
  /** Why Add account did nothing although a name was given (no checked keys). */
  declare private keysProblem: 'tab_linked_keys_missing' | 'tab_linked_keys_failed' | undefined;
  /** The operator deliberately adds keys an overridable refusal stopped. */
  declare private override: boolean;
  /** Keep a created enterprise if its credentials are refused (default: remove it again). */
  declare private keepOnFailure: boolean;
  /** Add account was refused for these keys (shown until the keys or the choice change). */
  declare private refused: Refusal | undefined;
  /** The add form shows on demand (the list is the step's summary); once opened it stays, as its outcome does. */
  declare private formOpen: boolean;
  /** A check of the keys entered is running: Add account waits for it. */
  declare private checking: boolean;

  constructor() {
    super();
    this.usedAccounts = [];
    this.name = '';
    this.override = false;
    this.keepOnFailure = false;
    this.formOpen = false;
    this.checking = false;
  }

  /** Complete once the key form is rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.keysInput.value?.updateComplete;
    return done;
  }

  override focus(): void {
    void this.openForm();
  }

  /** Opens the add form, with the name of a listed enterprise whose keys are missing when one was chosen. */
  private async openForm(name?: string): Promise<void> {
    this.formOpen = true;
    if (name !== undefined) {
      this.name = name;
      this.nameProblem = undefined;
    }
    await this.updateComplete;
    if (name === undefined) this.nameField.value?.focus();
    else this.keysInput.value?.focus();
  }

  /**
   * Adding to an enterprise already listed (addLinkedAccount reuses one of that name) replaces its row: the
   * enterprise ID is the same.
   */
  private upsert(account: LinkedAccount): void {
    const accounts = this.accounts ?? [];
    const next = accounts.some((a) => a.enterpriseId === account.enterpriseId)
      ? accounts.map((a) => (a.enterpriseId === account.enterpriseId ? account : a))
      : [...accounts, account];
    this.dispatchEvent(new BoaLinkedAccountsChangeEvent({accounts: next}));
  }

  private async reloadList(): Promise<void> {
    const listed = await this.services.abiquo.listLinkedAccounts(new AbortController().signal);
    if (listed.ok) this.dispatchEvent(new BoaLinkedAccountsChangeEvent({accounts: listed.value}));
  }

  private handleVerified(event: BoaKeysVerifiedEvent): void {
    event.stopPropagation();
    this.keys = event.detail.keys;
    this.checked = event.detail.keys ? event.detail : undefined;
    this.keysProblem = undefined;
    this.refused = undefined;
    this.override = false;
  }

  private handleChecking(event: BoaKeysCheckingEvent): void {
    this.checking = event.detail.running;
    // A new check: what was refused or missing belonged to the keys before.
    if (event.detail.running) {
      this.checked = undefined;
      this.keysProblem = undefined;
      this.refused = undefined;
      this.override = false;
    }
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const name = this.name.trim();
    this.nameProblem = enterpriseNameProblem(name);
    if (this.nameProblem) {
      this.nameField.value?.focus();
      return;
    }
    const identity = this.checked?.identity;
    if (!this.keys || !identity || this.checked?.blocked) {
      this.keysProblem = this.keys && this.checked?.blocked ? 'tab_linked_keys_failed' : 'tab_linked_keys_missing';
      this.keysInput.value?.focus();
      return;
    }
    this.keysProblem = undefined;
    const refusal = refusalFor(identity, this.usedAccounts);
    this.refused = refusal && !(refusal.overridable && this.override) ? refusal : undefined;
    if (this.refused) {
      this.keysInput.value?.focus();
      return;
    }
    void this.runAdd({name, keys: this.keys, awsAccountId: identity.account, ...(this.keepOnFailure ? {keepOnFailure: true} : {})});
  }

  private async runAdd(account: NewLinkedAccount): Promise<void> {
    const hadFocus = focusWithin(this);
    this.pending = account;
    await this.add.run([]);
    // The submit button is disabled while adding and the key fields are replaced: do not leave focus on the page.
    if (hadFocus) await keepFocus(this, () => this.outcomeRegion.value);
  }

  private renderList() {
    const t = this.services.t;
    if (this.loadFailure) {
      return html`<div class="alert alert--fail" role="alert">
        <p>${abiquoMessage(t, this.loadFailure.code, this.loadFailure.facts)}</p>
        <button type="button" @click=${() => this.dispatchEvent(new BoaReverifyEvent())}>${t('tab_retry')}</button>
      </div>`;
    }
    if (!this.accounts) return html`<p class="progress">${t('tab_loading')}</p>`;
    if (this.accounts.length === 0) return html`<p>${t('tab_linked_none')}</p>`;
    return html`<table>
      <caption class="visually-hidden">
        ${t('tab_linked_heading')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('tab_linked_enterprise')}</th>
          <th scope="col">${t('tab_linked_credentials')}</th>
          <th scope="col">${t('tab_linked_account')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.accounts.map(
          (account) =>
            html`<tr data-enterprise=${account.enterpriseId}>
              <td>${account.name}</td>
              <td>
                ${statusIcon(t, account.hasAmazonCredentials ? 'pass' : 'fail')}
                ${account.hasAmazonCredentials ? t('tab_linked_has_credentials') : t('tab_linked_no_credentials')}
                ${
                  account.hasAmazonCredentials
                    ? nothing
                    : html`<button type="button" class="link" @click=${() => this.openForm(account.name)}>
                        ${t('tab_linked_add_keys_for', {name: account.name})}
                      </button>`
                }
              </td>
              <td>${account.awsAccountId ? formatAccount(account.awsAccountId) : t('tab_linked_account_unknown')}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderAddOutcome() {
    const t = this.services.t;
    if (this.add.status === TaskStatus.PENDING) return html`<p class="progress">${t('tab_linked_adding')}</p>`;
    const value = this.add.value;
    if (this.add.status !== TaskStatus.COMPLETE || !value) return nothing;
    if ('cancelled' in value) return html`<p class="alert alert--warn">${t('tab_linked_cancelled', {name: value.cancelled})}</p>`;
    if ('failure' in value) {
      const {code, facts} = value.failure;
      // A failed credentials step names its cause (that step's own code and facts): show that message too.
      const cause =
        code === 'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED' || code === 'ABIQUO_ACCOUNT_NOT_ADDED' ? (facts?.cause as AbiquoCode | undefined) : undefined;
      return html`<div class="alert alert--fail">
        <p>${abiquoMessage(t, code, facts)}</p>
        ${cause ? html`<p data-cause=${cause}>${abiquoMessage(t, cause, facts)}</p>` : nothing}
      </div>`;
    }
    return html`<p class="alert alert--pass">${t(value.reused ? 'tab_linked_reused' : 'tab_linked_added', {name: value.account.name})}</p>`;
  }

  override render() {
    const t = this.services.t;
    const identity = this.checked?.identity;
    const refusal = identity && refusalFor(identity, this.usedAccounts);
    const busy = this.add.status === TaskStatus.PENDING;
    return html`
      ${this.renderList()}
      <div class="actions" ?hidden=${this.formOpen}>
        <button type="button" class="open-form" @click=${() => this.openForm()}>${t('tab_linked_add_heading')}</button>
      </div>
      <form id="add-form" ?hidden=${!this.formOpen} @submit=${this.handleSubmit} aria-labelledby="add-heading" novalidate>
        <h5 id="add-heading">${t('tab_linked_add_heading')}</h5>
        <p>${t('tab_linked_add_intro')}</p>
        <div class="field">
          <label for="name">${t('tab_linked_name_label')}</label>
          <input
            id="name"
            type="text"
            autocomplete="off"
            aria-invalid=${this.nameProblem ? 'true' : 'false'}
            aria-describedby="name-error"
            .value=${this.name}
            @input=${(event: InputEvent) => (this.name = (event.target as HTMLInputElement).value)}
            ${ref(this.nameField)}
          />
          <span class="help" id="name-error" role="alert">${this.nameProblem ? t(this.nameProblem) : ''}</span>
        </div>
        <boa-verified-keys
          .services=${this.services}
          heading=${t('tab_linked_keys_heading')}
          .expectedUserName=${PUBLIC_USER}
          .note=${t('tab_linked_not_saved_yet')}
          .checksLabel=${t('tab_linked_checks')}
          @boa-keys-verified=${this.handleVerified}
          @boa-keys-checking=${this.handleChecking}
          ${ref(this.keysInput)}
        ></boa-verified-keys>
        <p class="alert alert--fail" role="alert" ?hidden=${!this.refused}>
          ${this.refused ? html`${t(this.refused.key, this.refused.subs)} ${t(this.refused.overridable ? 'tab_linked_refuse_override_hint' : 'tab_linked_refuse_final')}` : ''}
        </p>
        <div class="field field--check" ?hidden=${!refusal?.overridable}>
          <input
            id="override"
            type="checkbox"
            .checked=${this.override}
            @change=${(event: Event) => ((this.override = (event.target as HTMLInputElement).checked), (this.refused = undefined))}
          />
          <label for="override">${t('tab_linked_override_label')}</label>
        </div>
        <div class="field field--check">
          <input
            id="keep"
            type="checkbox"
            .checked=${this.keepOnFailure}
            @change=${(event: Event) => (this.keepOnFailure = (event.target as HTMLInputElement).checked)}
          />
          <label for="keep">${t('tab_linked_keep_label')}</label>
        </div>
        <p class="alert alert--fail" role="alert" ?hidden=${!this.keysProblem}>${this.keysProblem ? t(this.keysProblem) : ''}</p>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${busy || this.checking}>${t('tab_linked_add')}</button>
          <button type="button" ?hidden=${!busy} @click=${() => this.add.abort()}>${t('tab_cancel')}</button>
        </div>
        <div class="outcome" aria-live="polite" tabindex="-1" ${ref(this.outcomeRegion)}>${this.renderAddOutcome()}</div>
      </form>
    `;
  }
}
