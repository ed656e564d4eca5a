import {LitElement, html, type PropertyValues} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import type {AwsKeys, Identity, Verdict} from '../../aws/types.ts';
import type {BoaKeysEntry} from '../boa-keys-entry/boa-keys-entry.ts';
import {BoaKeysCheckingEvent, BoaKeysVerifiedEvent, type BoaKeysInputEvent} from '../events.ts';
import type {BillingServices} from '../services.ts';
import {describeIdentity} from '../shared/identity.ts';
import {Verification} from '../shared/keys-verification.ts';
import {fieldErrors} from '../shared/messages.ts';

/**
 * @summary Access keys entered and checked with AWS at once: the key form, whose keys they are, every check live
 * and Cancel while they run. The one place both the pricing credentials and a linked account take keys. Renders
 * into its parent's shadow tree (light DOM), so the parent's styles and selectors reach its parts.
 *
 * @event boa-keys-verified - The keys were checked (`identity` when STS accepted them, `blocked` when a check
 * failed), or the fields were emptied (`keys` undefined). Not composed: it holds the keys.
 * @event boa-keys-checking - A check started or ended.
 */
export class BoaVerifiedKeys extends LitElement {
  static override properties = {
    services: {attribute: false},
    heading: {},
    expectedUserName: {attribute: false},
    note: {attribute: false},
    identityShown: {attribute: false},
    checksLabel: {attribute: false},
  };

  private readonly verification = new Verification(
    this,
    () => this.services,
    (verdict) => this.handleVerdict(verdict),
  );
  private readonly entry = createRef<BoaKeysEntry>();
  private keys: AwsKeys | undefined;
  private wasRunning = false;

  declare services: BillingServices;
  /** Accessible name of the key form. */
  declare heading: string;
  /** The IAM user the keys should belong to. */
  declare expectedUserName: string;
  /** Shown under the accepted key: what saves it. */
  declare note: string;
  /** An identity to show when no check is shown (e.g. whose keys were saved last). */
  declare identityShown: Identity | undefined;
  /** Accessible name of the check list. */
  declare checksLabel: string;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Complete once the key form inside is rendered too (its parent's `updateComplete` can then wait for it). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.entry.value?.updateComplete;
    return done;
  }

  /** Empties the fields and forgets the keys and their checks (after a save, or to start over). */
  clear(): void {
    this.keys = undefined;
    this.entry.value?.clear();
    this.verification.reset();
  }

  override focus(): void {
    this.entry.value?.focus();
  }

  override updated(_changed: PropertyValues<this>): void {
    // The controller re-renders on each change: tell the parent when a check starts or ends.
    const running = this.verification.running;
    if (running !== this.wasRunning) {
      this.wasRunning = running;
      this.dispatchEvent(new BoaKeysCheckingEvent({running}));
    }
  }

  private handleKeysInput(event: BoaKeysInputEvent): void {
    event.stopPropagation();
    this.keys = event.keys;
    if (!event.keys) {
      this.verification.reset();
      this.dispatchEvent(new BoaKeysVerifiedEvent({keys: undefined, blocked: false}));
      return;
    }
    this.verification.run({keys: event.keys, expectedUserName: this.expectedUserName});
  }

  private handleVerdict(verdict: Verdict): void {
    const blocked = verdict.checks.some((check) => check.status === 'fail');
    this.dispatchEvent(new BoaKeysVerifiedEvent({keys: this.keys, ...(verdict.identity ? {identity: verdict.identity} : {}), blocked}));
  }

  override render() {
    const t = this.services.t;
    const identity = this.verification.verdict?.identity ?? this.identityShown;
    return html`
      <boa-keys-entry
        .services=${this.services}
        heading=${this.heading}
        .expectedUserName=${this.expectedUserName}
        .note=${this.note}
        .errors=${fieldErrors(t, this.verification.checks, this.services.language)}
        ?accepted=${Boolean(this.keys && identity && !this.verification.blocked)}
        @boa-keys-input=${this.handleKeysInput}
        ${ref(this.entry)}
      ></boa-keys-entry>
      <p class="identity" ?hidden=${!identity}>${identity ? describeIdentity(t, identity) : ''}</p>
      <boa-check-list
        .t=${t}
        language=${this.services.language}
        .checks=${this.verification.checks}
        ?running=${this.verification.running}
        label=${this.checksLabel}
      ></boa-check-list>
      <div class="actions" ?hidden=${!this.verification.running}>
        <button type="button" @click=${() => this.verification.cancel()}>${t('tab_cancel')}</button>
      </div>
    `;
  }
}
