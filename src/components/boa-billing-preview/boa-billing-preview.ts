import {LitElement, html, nothing, svg, type CSSResultGroup} from 'lit';
import type {MessageKey, Translate} from '../../shared/i18n.ts';
import type {AccountCost, BillingPreview, ReconciledLine} from '../../preview/types.ts';
import {baseStyles} from '../shared/styles.ts';
import styles from './boa-billing-preview.styles.ts';
import type {PreviewState} from './preview-state.ts';

/** The operator stopped the reading. */
export class BoaPreviewCancelEvent extends Event {
  constructor() {
    super('boa-preview-cancel', {bubbles: true, composed: true});
  }
}

/** The operator asked to read the report again. */
export class BoaPreviewAgainEvent extends Event {
  constructor() {
    super('boa-preview-again', {bubbles: true, composed: true});
  }
}

/** "Add account" for an AWS account with costs that no linked enterprise bills. */
export class BoaAddAccountEvent extends Event {
  constructor(readonly detail: {readonly accountId: string}) {
    super('boa-add-account', {bubbles: true, composed: true});
  }
}

const TOP_SERVICES = 5;
const BAR_HEIGHT = 22;
const LABEL_WIDTH = 200;

/**
 * @summary What the dashboards will show for the period: progress while the report is read, then cost per AWS
 * account as a bar chart and as a table (its text equivalent), each account with its enterprise or flagged as billed
 * to nobody, and the linked enterprises with no cost.
 *
 * @event boa-preview-cancel - Stop reading.
 * @event boa-preview-again - Read again, after a failure or a cancel (once read, the tab's own button reads again,
 * with what the tab holds then).
 * @event boa-add-account - Add a linked account for an AWS account no enterprise bills (detail: `accountId`).
 */
export class BoaBillingPreview extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, styles];
  static override properties = {
    t: {attribute: false},
    language: {},
    state: {attribute: false},
  };

  declare t: Translate;
  declare language: string;
  declare state: PreviewState;

  private money(amount: number, currency: string): string {
    try {
      return new Intl.NumberFormat(this.language, {style: 'currency', currency}).format(amount);
    } catch {
      // A currency code Intl does not know: the number, then the code as the report spells it.
      return `${new Intl.NumberFormat(this.language, {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(amount)} ${currency}`;
    }
  }

  private renderReading(state: Extract<PreviewState, {kind: 'reading'}>) {
    const t = this.t;
    const p = state.progress;
    const number = new Intl.NumberFormat(this.language, {maximumFractionDigits: 1});
    const mb = (bytes: number) => number.format(bytes / 1_048_576);
    const read = p
      ? p.bytesTotal
        ? t('preview_progress_bytes_of', {read: mb(p.bytesRead), total: mb(p.bytesTotal)})
        : t('preview_progress_bytes', {read: mb(p.bytesRead)})
      : '';
    const left = p?.remainingMs !== undefined ? t('preview_progress_left', {seconds: Math.ceil(p.remainingMs / 1000)}) : '';
    return html`<p role="status">${t('preview_reading')}</p>
      <progress aria-label=${t('preview_reading')} max=${p?.bytesTotal ?? 1} value=${p?.bytesTotal ? p.bytesRead : nothing}></progress>
      <p class="progress-text">
        ${[read, p ? t('preview_progress_rows', {rows: p.rows.toLocaleString(this.language)}) : '', left].filter(Boolean).join(' · ')}
      </p>
      <button type="button" class="cancel" @click=${() => this.dispatchEvent(new BoaPreviewCancelEvent())}>${t('preview_cancel')}</button>`;
  }

  private renderChart(preview: BillingPreview, lines: readonly ReconciledLine[]) {
    const costed = lines.filter((line): line is Exclude<ReconciledLine, {kind: 'idle'}> => line.kind !== 'idle');
    const max = Math.max(...costed.map((line) => line.account.cost), 0);
    if (costed.length === 0 || max <= 0) return nothing;
    const width = 640;
    const height = costed.length * (BAR_HEIGHT + 6);
    const barSpace = width - LABEL_WIDTH - 110;
    return html`<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet">
      <title id="chart-title">${this.t('preview_chart_title')}</title>
      ${costed.map((line, i) => {
        const y = i * (BAR_HEIGHT + 6);
        const w = Math.max(1, (Math.max(0, line.account.cost) / max) * barSpace);
        return svg`<text x="0" y=${y + 15}>${this.who(line)}</text>
          <rect class="bar ${line.kind === 'unbilled' ? 'bar--unbilled' : ''}" x=${LABEL_WIDTH} y=${y} width=${w} height=${BAR_HEIGHT}></rect>
          <text x=${LABEL_WIDTH + w + 6} y=${y + 15}>${this.money(line.account.cost, preview.currency)}</text>`;
      })}
    </svg>`;
  }

  /** The chart's label of a line: the enterprise billed, or the account no one bills. */
  private who(line: Exclude<ReconciledLine, {kind: 'idle'}>): string {
    if (line.kind === 'billed') return line.enterprise.name;
    if (line.kind === 'keynode') return this.t('preview_keynode_short', {account: line.account.accountId});
    return this.t('preview_unbilled_short', {account: line.account.accountId});
  }

  private renderServices(account: AccountCost, currency: string) {
    if (account.services.length === 0) return nothing;
    return html`<details>
      <summary>${this.t('preview_top_services', {count: Math.min(TOP_SERVICES, account.services.length)})}</summary>
      <ul class="services">
        ${account.services.slice(0, TOP_SERVICES).map((s) => html`<li>${s.service}: ${this.money(s.cost, currency)}</li>`)}
      </ul>
    </details>`;
  }

  private renderLine(line: ReconciledLine, currency: string) {
    const t = this.t;
    if (line.kind === 'idle') {
      return html`<tr>
        <td>${line.enterprise.awsAccountId ?? t('preview_account_unknown')}</td>
        <td>${line.enterprise.name}</td>
        <td class="money" colspan="4">${t('preview_idle')}</td>
      </tr>`;
    }
    const a = line.account;
    const billedTo =
      line.kind === 'billed'
        ? line.enterprise.name
        : line.kind === 'keynode'
          ? t('preview_keynode')
          : html`<span class="unbilled">${t('preview_unbilled')}</span>
              <button type="button" class="link add-account" @click=${() => this.dispatchEvent(new BoaAddAccountEvent({accountId: a.accountId}))}>
                ${t('preview_add_account')}
              </button>`;
    return html`<tr data-account=${a.accountId} data-kind=${line.kind}>
      <td>${a.accountId}${this.renderServices(a, currency)}</td>
      <td>${billedTo}</td>
      <td class="money cost">${this.money(a.cost, currency)}</td>
      <td class="money">${this.money(a.credits, currency)}</td>
      <td class="money">${this.money(a.refunds, currency)}</td>
      <td class="money">${this.money(a.taxes, currency)}</td>
    </tr>`;
  }

  private renderDone({preview, lines}: Extract<PreviewState, {kind: 'done'}>) {
    const t = this.t;
    const unbilled = lines.filter((line) => line.kind === 'unbilled').length;
    // A linked enterprise whose account the tab does not know may be the one an unmatched account belongs to.
    const unknown = lines.flatMap((line) => (line.kind === 'idle' && !line.enterprise.awsAccountId ? [line.enterprise.name] : []));
    const lastHour = preview.lastUsageHour
      ? new Date(preview.lastUsageHour).toLocaleString(this.language, {timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short'})
      : '—';
    return html`<p role="status">
        ${t(preview.basis === 'blended' ? 'preview_summary_blended' : 'preview_summary_unblended', {
          period: preview.period,
          total: this.money(preview.total, preview.currency),
          rows: preview.rows.toLocaleString(this.language),
        })}
        ${t('preview_summary_apart', {
          credits: this.money(preview.credits, preview.currency),
          refunds: this.money(preview.refunds, preview.currency),
          taxes: this.money(preview.taxes, preview.currency),
          lastHour,
        })}
      </p>
      ${preview.mixedCurrencies ? html`<p class="alert alert--warn">${t('preview_mixed_currencies', {currency: preview.currency})}</p>` : nothing}
      ${unbilled > 0 ? html`<p class="alert alert--fail" role="alert">${t('preview_unbilled_alert', {count: unbilled})}</p>` : nothing}
      ${unknown.length > 0 && unbilled > 0 ? html`<p class="alert alert--warn">${t('preview_unknown_accounts', {names: unknown})}</p>` : nothing}
      ${this.renderChart(preview, lines)}
      <table>
        <caption class="visually-hidden">
          ${t('preview_table_caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('preview_col_account')}</th>
            <th scope="col">${t('preview_col_billed_to')}</th>
            <th scope="col" class="money">${t('preview_col_cost')}</th>
            <th scope="col" class="money">${t('preview_col_credits')}</th>
            <th scope="col" class="money">${t('preview_col_refunds')}</th>
            <th scope="col" class="money">${t('preview_col_taxes')}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map((line) => this.renderLine(line, preview.currency))}
        </tbody>
      </table>`;
  }

  override render() {
    const state = this.state;
    if (!this.t || !state) return nothing;
    if (state.kind === 'reading') return this.renderReading(state);
    if (state.kind === 'done') return this.renderDone(state);
    return html`<p class="alert alert--fail failure" role="alert">${this.t(`preview_${state.code}` as MessageKey, state.facts)}</p>
      <button type="button" class="again" @click=${() => this.dispatchEvent(new BoaPreviewAgainEvent())}>${this.t('preview_again')}</button>`;
  }
}
