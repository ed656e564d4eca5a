import {LitElement, nothing, type PropertyValues} from 'lit';
import type {InputField} from '../../aws/types.ts';
import {BoaKeysInputEvent} from '../events.ts';
import type {BillingServices, KeyEntry} from '../services.ts';

/**
 * @summary The access key form of a section, as `services.keyEntry` provides it (an extension-origin frame in the
 * product, so the console page never sees the secret). Same properties, methods and event as `boa-keys-input`.
 * Renders into its own light DOM: it holds nothing but the provided element.
 *
 * @event boa-keys-input - Keys were entered (detail on the event: `keys`), or the fields emptied.
 */
export class BoaKeysEntry extends LitElement {
  static override properties = {
    services: {attribute: false},
    heading: {},
    note: {attribute: false},
    errors: {attribute: false},
    accepted: {type: Boolean},
    expectedUserName: {attribute: false},
  };

  private entry: KeyEntry | undefined;

  declare services: BillingServices;
  /** Accessible name of the form (e.g. "Pricing credentials"). */
  declare heading: string;
  /** Shown under the accepted key: what saves it. */
  declare note: string | undefined;
  /** Failing checks' messages by field. */
  declare errors: Partial<Record<InputField, string>>;
  /** The keys passed verification: the fields give way to the masked key ID. */
  declare accepted: boolean;
  /** The IAM user the keys should belong to (the row taken from a CSV of several users). */
  declare expectedUserName: string | undefined;

  constructor() {
    super();
    this.heading = '';
    this.errors = {};
    this.accepted = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Complete once the provided form is rendered too, when it is an element that says so. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await (this.entry?.element as Partial<LitElement> | undefined)?.updateComplete;
    return done;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: a new form, since the old one was disposed.
    if (!this.entry) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.entry?.dispose();
    this.entry = undefined;
  }

  override willUpdate(_changed: PropertyValues<this>): void {
    this.entry ??= this.services?.keyEntry((keys) => this.dispatchEvent(new BoaKeysInputEvent(keys)));
  }

  override updated(): void {
    const {heading, note, errors, accepted, expectedUserName} = this;
    this.entry?.update({heading, ...(note ? {note} : {}), errors, accepted, ...(expectedUserName ? {expectedUserName} : {})});
  }

  /** Empties the fields and forgets the secret (after a save, or to start over). */
  clear(): void {
    this.entry?.clear();
  }

  override focus(): void {
    this.entry?.focus();
  }

  override render() {
    return this.entry?.element ?? nothing;
  }
}
