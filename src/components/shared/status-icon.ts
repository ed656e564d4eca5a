import {html, type TemplateResult} from 'lit';
import type {CheckStatus} from '../../aws/types.ts';
import type {Translate} from '../../shared/i18n.ts';

// Shape and text, not colour alone, tell the statuses apart (WCAG 1.4.1).
const glyphs: Record<CheckStatus, string> = {pass: '✓', warn: '!', fail: '✗', skipped: '–'};
const labels = {pass: 'tab_status_pass', warn: 'tab_status_warn', fail: 'tab_status_fail', skipped: 'tab_status_skipped'} as const;

/** A status glyph with its translated text alternative. */
export function statusIcon(t: Translate, status: CheckStatus): TemplateResult {
  return html`<span class="status status--${status}"
    ><span aria-hidden="true">${glyphs[status]}</span><span class="visually-hidden">${t(labels[status])} </span></span
  >`;
}
