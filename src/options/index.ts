/** Options page: the consoles the extension runs on, added by URL (permission prompt) and removed. */
import {html, nothing, render} from 'lit';
import {sendRequest} from '../messaging/client.ts';
import {pageTranslator} from '../shared/page-language.ts';
import {enableConsole} from './enable-console.ts';
import {adoptPageStyles} from './page-styles.ts';

adoptPageStyles();
const t = pageTranslator();
const app = document.querySelector<HTMLElement>('#app')!;
let origins: readonly string[] = [];
let notice: {kind: 'status' | 'alert'; text: string} | undefined;

function show(): void {
  document.title = t('options_title');
  render(
    html`<h1>${t('options_title')}</h1>
      <p>${t('options_intro')}</p>
      <form @submit=${onAdd} novalidate>
        <label
          >${t('options_origin_label')}
          <input name="origin" type="url" placeholder=${t('options_origin_placeholder')} autocomplete="url" spellcheck="false" />
        </label>
        <button type="submit" class="primary">${t('options_add')}</button>
      </form>
      <p role="status">${notice?.kind === 'status' ? notice.text : nothing}</p>
      <p role="alert">${notice?.kind === 'alert' ? notice.text : nothing}</p>
      <h2 id="enabled" tabindex="-1">${t('options_enabled_list')}</h2>
      ${
        origins.length === 0
          ? html`<p>${t('options_empty')}</p>`
          : html`<ul>
              ${origins.map(
                (origin) =>
                  html`<li>
                    <span>${origin}</span>
                    <button type="button" @click=${() => onRemove(origin)} aria-label=${`${t('options_remove')} ${origin}`}>${t('options_remove')}</button>
                  </li>`,
              )}
            </ul>`
      }
      <h2>${t('options_about_heading')}</h2>
      <p>${t('options_about_language')}</p>
      <p>${t('options_about_privacy')}</p>
      <p>${t('options_about_version', {version: chrome.runtime.getManifest().version})}</p>`,
    app,
  );
}

async function refresh(): Promise<void> {
  const reply = await sendRequest('origins/list', {});
  origins = reply.ok ? reply.value.origins : [];
  show();
}

async function onAdd(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = (event.target as HTMLFormElement).elements.namedItem('origin') as HTMLInputElement;
  const result = await enableConsole(input.value);
  if (result.ok) {
    origins = result.value.origins;
    notice = {kind: 'status', text: t('options_added', {origin: result.value.origin})};
    input.value = '';
  } else {
    notice = {kind: 'alert', text: t(`options_${result.code}`, {...result.facts, detail: result.detail})};
  }
  show();
}

async function onRemove(origin: string): Promise<void> {
  const reply = await sendRequest('origins/disable', {origin});
  if (reply.ok && reply.value.ok) {
    origins = reply.value.value.origins;
    notice = {kind: 'status', text: t('options_removed', {origin})};
    // The focused Remove button is gone with its row: keep the keyboard user in the list.
    queueMicrotask(() => document.querySelector<HTMLElement>('#enabled')?.focus());
  } else {
    notice = {kind: 'alert', text: t('options_INTERNAL', {detail: reply.ok ? origin : reply.code})};
  }
  show();
}

void refresh();
