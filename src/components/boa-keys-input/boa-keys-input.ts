import {LitElement, html, nothing, type CSSResultGroup, type PropertyValues} from 'lit';
import {live} from 'lit/directives/live.js';
import {createRef, ref} from 'lit/directives/ref.js';
import {cleanField, parseKeysPaste, type PastedKeys} from '../../aws/parse-keys.ts';
import type {AwsKeys, InputField} from '../../aws/types.ts';
import type {Translate} from '../../shared/i18n.ts';
import {maskKeyId} from '../../shared/mask.ts';
import {BoaKeysInputEvent} from '../events.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-keys-input.styles.ts';

// Typing is debounced so a half-typed key is not checked on every keystroke; pastes are checked at once.
const TYPING_PAUSE_MS = 400;
// Text typed into the paste area is read after a longer pause, or when the operator leaves the area.
const AREA_PAUSE_MS = 800;
// Shorter typed text can't hold a key pair (20 + 40 characters): "no keys found" waits for the operator to leave.
const AREA_COMPLETE_LENGTH = 60;

/**
 * @summary An access key pair: two fields, or a paste/drop/pick of `accessKeys.csv` or CloudFormation Outputs (also
 * typed into the paste area). A CSV with several rows gives the expected IAM user's, else the operator chooses one
 * by user name or masked key ID. The secret lives only in memory and in the password field's value, never in an
 * attribute. Once the parent marks the keys accepted, only the masked key ID is shown.
 *
 * @event boa-keys-input - The operator typed, pasted, dropped or picked keys (detail on the event: `keys`).
 */
export class BoaKeysInput extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    accepted: {type: Boolean},
    heading: {},
    note: {attribute: false},
    errors: {attribute: false},
    expectedUserName: {attribute: false},
    accessKeyId: {state: true},
    pasteProblem: {state: true},
    choices: {state: true},
    dragOver: {state: true},
    fileName: {state: true},
  };

  private secret = '';
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private areaTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pasteArea = createRef<HTMLTextAreaElement>();
  private readonly keyIdField = createRef<HTMLInputElement>();
  private readonly changeButton = createRef<HTMLButtonElement>();
  private readonly fileInput = createRef<HTMLInputElement>();
  /** Set by "Change keys" only: a parent clearing the keys after a save must not pull focus into the form. */
  private refocusFields = false;
  /** Focus was in the fields when they gave way to the masked key: it moves to "Change keys", not to the page. */
  private focusWasInside = false;

  /** Translator of the console's language. */
  declare t: Translate;
  /** Set by the parent once the keys passed verification: the fields give way to the masked key ID. */
  declare accepted: boolean;
  /** Accessible name of the group (e.g. "Pricing credentials"). */
  declare heading: string;
  /** Shown under the accepted key: what saves it (the keys are checked, not saved). */
  declare note: string | undefined;
  /** Failing checks' messages by field, shown under that field and tied to it (aria-describedby). */
  declare errors: Partial<Record<InputField, string>>;
  /** The IAM user whose keys belong here: the row picked from a CSV of several users. */
  declare expectedUserName: string | undefined;
  declare private accessKeyId: string;
  declare private pasteProblem: boolean;
  /** The rows of a CSV the operator chooses from (held in memory only, like the secret); empty when none. */
  declare private choices: readonly PastedKeys[];
  declare private dragOver: boolean;
  /** The file last picked, shown beside our own (translated) picker button instead of the browser's English text. */
  declare private fileName: string;

  constructor() {
    super();
    this.accepted = false;
    this.heading = '';
    this.errors = {};
    this.accessKeyId = '';
    this.pasteProblem = false;
    this.choices = [];
    this.dragOver = false;
    this.fileName = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typingTimer);
    clearTimeout(this.areaTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Read before the render removes the fields.
    if (changed.has('accepted') && this.accepted) this.focusWasInside = this.shadowRoot?.activeElement != null;
  }

  override updated(changed: PropertyValues<this>): void {
    if (!changed.has('accepted')) return;
    if (this.accepted && this.focusWasInside) this.changeButton.value?.focus();
    // "Change keys" brings the fields back: put the operator in the first one.
    if (!this.accepted && changed.get('accepted') === true && this.refocusFields) this.keyIdField.value?.focus();
    this.focusWasInside = false;
    this.refocusFields = false;
  }

  /** Empties both fields and forgets the secret (after a save, or to start over). Fires nothing. */
  clear(): void {
    clearTimeout(this.typingTimer);
    clearTimeout(this.areaTimer);
    this.secret = '';
    this.accessKeyId = '';
    this.pasteProblem = false;
    this.choices = [];
    this.fileName = '';
    const secretField = this.renderRoot.querySelector<HTMLInputElement>('input[name="secret"]');
    if (secretField) secretField.value = '';
    if (this.pasteArea.value) this.pasteArea.value.value = '';
  }

  /** Moves focus into the first field (used by the setup status's fix actions). */
  override focus(): void {
    (this.keyIdField.value ?? this.renderRoot.querySelector<HTMLButtonElement>('button'))?.focus();
  }

  private keys(): AwsKeys | undefined {
    return this.accessKeyId || this.secret ? {accessKeyId: this.accessKeyId, secretAccessKey: this.secret} : undefined;
  }

  private emit(): void {
    clearTimeout(this.typingTimer);
    this.dispatchEvent(new BoaKeysInputEvent(this.keys()));
  }

  /**
   * Reads a paste, drop, file or the paste area's text: keys fill the fields; several rows of a CSV without the
   * expected user's become a choice. `quiet` leaves "no keys found" unsaid (typed text not complete yet).
   */
  private accept(text: string, quiet = false): void {
    clearTimeout(this.areaTimer);
    const parsed = parseKeysPaste(text, this.expectedUserName);
    if (!parsed.ok) {
      // A paste without keys replaces an earlier choice of rows; typing on (quiet) leaves it.
      if (quiet) return;
      this.pasteProblem = true;
      this.choices = [];
      return;
    }
    this.pasteProblem = false;
    // Typed keys leave the plain-text area: the secret stays only in the password field.
    if (this.pasteArea.value) this.pasteArea.value.value = '';
    if ('choices' in parsed.value) this.choices = parsed.value.choices;
    else this.use(parsed.value.keys);
  }

  private use(keys: PastedKeys): void {
    this.choices = [];
    this.accessKeyId = keys.accessKeyId;
    this.secret = keys.secretAccessKey;
    const secretField = this.renderRoot.querySelector<HTMLInputElement>('input[name="secret"]');
    if (secretField) secretField.value = this.secret;
    this.emit();
  }

  /** The operator picked a row of the CSV: its keys fill the fields, and focus goes to the key ID shown. */
  private async choose(keys: PastedKeys): Promise<void> {
    this.use(keys);
    await this.updateComplete;
    this.keyIdField.value?.focus();
  }

  /** Typed (not pasted) text is read once the operator pauses; "no keys found" only once it could hold keys. */
  private handleAreaInput(): void {
    clearTimeout(this.areaTimer);
    this.areaTimer = setTimeout(() => {
      const text = this.pasteArea.value?.value ?? '';
      this.accept(text, text.trim().length < AREA_COMPLETE_LENGTH);
    }, AREA_PAUSE_MS);
  }

  /** Leaving the paste area reads what was typed there, and says so when it holds no keys. */
  private handleAreaBlur(): void {
    const text = this.pasteArea.value?.value ?? '';
    if (text.trim() === '') {
      clearTimeout(this.areaTimer);
      return;
    }
    this.accept(text);
  }

  private handleKeyIdInput(event: InputEvent): void {
    this.accessKeyId = cleanField((event.target as HTMLInputElement).value);
    this.scheduleEmit();
  }

  private handleSecretInput(event: InputEvent): void {
    this.secret = cleanField((event.target as HTMLInputElement).value);
    this.scheduleEmit();
  }

  private scheduleEmit(): void {
    this.pasteProblem = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.emit(), TYPING_PAUSE_MS);
  }

  /** A paste of a whole CSV or Outputs text into either field is read as such, not as one value. */
  private handleFieldPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\n\t,]/.test(text.trim())) return;
    event.preventDefault();
    this.accept(text);
  }

  private handleAreaPaste(event: ClipboardEvent): void {
    event.preventDefault();
    this.accept(event.clipboardData?.getData('text/plain') ?? '');
  }

  private handleDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragOver = true;
  }

  private async handleDrop(event: DragEvent): Promise<void> {
    event.preventDefault();
    this.dragOver = false;
    const file = event.dataTransfer?.files[0];
    this.accept(file ? await file.text() : (event.dataTransfer?.getData('text/plain') ?? ''));
  }

  private async handleFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.fileName = file.name;
    const text = await file.text();
    input.value = '';
    this.accept(text);
  }

  /**
   * Our button opens the hidden file input's picker. `showPicker()` fires no click: a synthetic click on the input
   * would be refused by the tab's host (refuse-synthetic-input.ts), and the picker would never open.
   */
  private handleChooseFile(): void {
    const input = this.fileInput.value;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.click();
    }
  }

  private handleChange(): void {
    this.refocusFields = true;
    this.accepted = false;
    this.clear();
    this.emit();
  }

  override render() {
    const t = this.t;
    if (this.accepted && this.accessKeyId) {
      return html`<div role="group" aria-label=${this.heading}>
        <p>${t('tab_keys_accepted')} <span class="masked">${maskKeyId(this.accessKeyId)}</span></p>
        ${this.note ? html`<p>${this.note}</p>` : nothing}
        <button type="button" @click=${this.handleChange} ${ref(this.changeButton)}>${t('tab_keys_change')}</button>
      </div>`;
    }
    const keyIdError = this.errors.accessKeyId;
    const expected = this.expectedUserName;
    const secretError = this.errors.secretAccessKey;
    return html`<div role="group" aria-label=${this.heading}>
      <div class="pair">
        <div class="field">
          <label for="key-id">${t('tab_keys_id_label')}</label>
          <input
            id="key-id"
            name="key-id"
            type="text"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=${keyIdError ? 'true' : 'false'}
            aria-describedby=${keyIdError ? 'key-id-error' : nothing}
            .value=${live(this.accessKeyId)}
            @input=${this.handleKeyIdInput}
            @paste=${this.handleFieldPaste}
            ${ref(this.keyIdField)}
          />
          ${keyIdError ? html`<span class="field-error" id="key-id-error">${keyIdError}</span>` : nothing}
        </div>
        <div class="field">
          <label for="secret">${t('tab_keys_secret_label')}</label>
          <input
            id="secret"
            name="secret"
            type="password"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=${secretError ? 'true' : 'false'}
            aria-describedby=${secretError ? 'secret-error' : nothing}
            @input=${this.handleSecretInput}
            @paste=${this.handleFieldPaste}
          />
          ${secretError ? html`<span class="field-error" id="secret-error">${secretError}</span>` : nothing}
        </div>
      </div>
      <div
        class="field drop ${this.dragOver ? 'drop--over' : ''}"
        @dragover=${this.handleDragOver}
        @dragleave=${() => (this.dragOver = false)}
        @drop=${this.handleDrop}
      >
        <label for="paste">${t('tab_keys_paste_label')}</label>
        <textarea
          id="paste"
          rows="2"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="paste-help"
          @paste=${this.handleAreaPaste}
          @input=${this.handleAreaInput}
          @blur=${this.handleAreaBlur}
          ${ref(this.pasteArea)}
        ></textarea>
        <span class="help" id="paste-help">${t('tab_keys_paste_help')}</span>
        <div role="status">
          ${
            this.choices.length > 0
              ? html`<fieldset class="choices">
                  <legend>${expected ? t('tab_keys_paste_choose', {userName: expected}) : t('tab_keys_paste_choose_any')}</legend>
                  ${this.choices.map((row) => html`<button type="button" @click=${() => void this.choose(row)}>${describeRow(row)}</button>`)}
                </fieldset>`
              : nothing
          }
        </div>
        <div class="file" role="group" aria-labelledby="file-label">
          <span id="file-label">${t('tab_keys_file_label')}</span>
          <button type="button" aria-describedby="file-name" @click=${this.handleChooseFile}>${t('tab_keys_file_choose')}</button>
          <span id="file-name" class="file-name">${this.fileName || t('tab_keys_file_none')}</span>
          <input id="file" type="file" hidden accept=".csv,text/csv,text/plain" @change=${this.handleFile} ${ref(this.fileInput)} />
        </div>
      </div>
      <p class="alert alert--fail" role="alert" ?hidden=${!this.pasteProblem}>${t('tab_keys_paste_not_found')}</p>
    </div>`;
  }
}

/** A CSV row as the operator picks it: its IAM user name, if the CSV has one, and the masked key ID. */
function describeRow(row: PastedKeys): string {
  const masked = maskKeyId(row.accessKeyId);
  return row.userName ? `${row.userName} (${masked})` : masked;
}
