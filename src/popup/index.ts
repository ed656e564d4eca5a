/**
 * Toolbar popup. On a console not yet enabled it offers "Enable on this console"; on an enabled one it
 * opens the Billing-only AWS tab, also where the dialog's tab strip could not be found.
 */
import {html, nothing, render} from 'lit';
import {sendRequest} from '../messaging/client.ts';
import type {OpenPanelNotice} from '../messaging/protocol.ts';
import {parseConsoleOrigin} from '../shared/console-origin.ts';
import {pageTranslator} from '../shared/page-language.ts';
import {enableConsole} from '../options/enable-console.ts';
import {adoptPageStyles} from '../options/page-styles.ts';

adoptPageStyles();
const t = pageTranslator();
const app = document.querySelector<HTMLElement>('#app')!;

async function main(): Promise<void> {
  const [tab] = await chrome.tabs.query({active: true, currentWindow: true});
  const parsed = parseConsoleOrigin(tab?.url ?? '');
  const reply = await sendRequest('origins/list', {});
  let enabled = parsed.ok && reply.ok && reply.value.origins.includes(parsed.value);
  let notice: {kind: 'status' | 'alert'; text: string} | undefined;

  const show = () =>
    render(
      html`<h1>${t('tab_title')}</h1>
        ${
          !parsed.ok
            ? html`<p>${t('popup_not_a_console')}</p>`
            : enabled
              ? html`<p>${t('popup_enabled_on', {origin: parsed.value})}</p>
                  <button type="button" class="primary" @click=${openPanel}>${t('popup_open_tab')}</button>`
              : html`<p>${t('popup_not_enabled', {origin: parsed.value})}</p>
                  <button type="button" class="primary" @click=${enable}>${t('popup_enable')}</button>`
        }
        ${notice ? html`<p role=${notice.kind}>${notice.text}</p>` : nothing}
        <p><a href="options.html" target="_blank">${t('popup_manage')}</a></p>`,
      app,
    );

  async function enable(): Promise<void> {
    if (!parsed.ok) return;
    const result = await enableConsole(parsed.value);
    enabled = result.ok;
    notice = result.ok
      ? {kind: 'status', text: t('options_added', {origin: parsed.value})}
      : {kind: 'alert', text: t(`options_${result.code}`, {...result.facts, detail: result.detail})};
    show();
  }

  async function openPanel(): Promise<void> {
    const message: OpenPanelNotice = {type: 'console/open-panel'};
    await chrome.tabs.sendMessage(tab!.id!, message).catch(() => undefined);
    window.close();
  }

  show();
}

void main();
