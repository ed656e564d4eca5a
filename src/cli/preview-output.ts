/**
 * What `npm run preview` prints, in the language of `--lang`: a progress line for a terminal, then the table of
 * who is billed for which account's costs, the top services and the totals; or, with `--json`, one document.
 * It speaks the tab's preview words (`preview_*`) where they fit a terminal, and its own (`cli_preview_*`) where not.
 */
import type {Check} from '../aws/types.ts';
import type {MessageKey, Translate} from '../shared/i18n.ts';
import type {Language} from '../shared/translate.ts';
import type {BillingPreview, PreviewFailureCode, PreviewProgress, ReconciledLine, ServiceCost} from '../preview/types.ts';

/** The message of each way a reading can fail; the tab's, unless it tells a terminal user to click something. */
export const FAILURE_MESSAGE = {
  PREVIEW_CANCELLED: 'preview_PREVIEW_CANCELLED',
  PREVIEW_CORRUPT: 'preview_PREVIEW_CORRUPT',
  PREVIEW_TRUNCATED: 'cli_preview_PREVIEW_TRUNCATED',
  PREVIEW_NO_COST_COLUMN: 'preview_PREVIEW_NO_COST_COLUMN',
  PREVIEW_NO_DATA: 'preview_PREVIEW_NO_DATA',
  PREVIEW_READ_DENIED: 'preview_PREVIEW_READ_DENIED',
  PREVIEW_READ_FAILED: 'cli_preview_PREVIEW_READ_FAILED',
} as const satisfies Record<PreviewFailureCode, MessageKey>;

const TOP_SERVICES = 5;

const megabytes = (bytes: number, language: Language) => new Intl.NumberFormat(language, {maximumFractionDigits: 1}).format(bytes / 1_048_576);

/** Back to the start of the line and erase it, on a terminal. */
export const clearProgress = '\r\x1b[K';

/** One line that replaces itself on a terminal. */
export function progressLine(p: PreviewProgress, t: Translate, language: Language): string {
  const read = p.bytesTotal
    ? t('preview_progress_bytes_of', {read: megabytes(p.bytesRead, language), total: megabytes(p.bytesTotal, language)})
    : t('preview_progress_bytes', {read: megabytes(p.bytesRead, language)});
  const parts = [read, t('preview_progress_rows', {rows: p.rows.toLocaleString(language)})];
  if (p.remainingMs !== undefined) parts.push(t('preview_progress_left', {seconds: Math.ceil(p.remainingMs / 1000)}));
  return `${clearProgress}${t('preview_reading')} ${parts.join(' · ')}`;
}

/** The services of every account added up, most costly first. */
function topServices(preview: BillingPreview): ServiceCost[] {
  const sums = new Map<string, number>();
  for (const account of preview.accounts) for (const {service, cost} of account.services) sums.set(service, (sums.get(service) ?? 0) + cost);
  return [...sums]
    .map(([service, cost]) => ({service, cost}))
    .sort((a, b) => b.cost - a.cost || a.service.localeCompare(b.service))
    .slice(0, TOP_SERVICES);
}

const COLUMNS = [
  'preview_col_account',
  'preview_col_billed_to',
  'preview_col_cost',
  'preview_col_credits',
  'preview_col_refunds',
  'preview_col_taxes',
] as const;

/**
 * The table, text to the left and figures to the right. A linked enterprise without cost (reconcile puts those
 * last) says so where its figures would be, without widening the figures' columns.
 */
function table(lines: readonly ReconciledLine[], t: Translate, money: Intl.NumberFormat): string[] {
  const rows = lines.map((line): string[] => {
    if (line.kind === 'idle') return [line.enterprise.awsAccountId ?? t('preview_account_unknown'), line.enterprise.name, t('preview_idle')];
    const {accountId, cost, credits, refunds, taxes} = line.account;
    const billedTo = line.kind === 'billed' ? line.enterprise.name : t(line.kind === 'keynode' ? 'preview_keynode' : 'preview_unbilled');
    return [accountId, billedTo, ...[cost, credits, refunds, taxes].map((n) => money.format(n))];
  });
  const all = [COLUMNS.map((key) => t(key)), ...rows];
  const figures = all.filter((row) => row.length === COLUMNS.length);
  const widths = COLUMNS.map((_, column) => Math.max(...(column < 2 ? all : figures).map((row) => row[column]!.length)));
  const cell = (text: string, column: number, row: readonly string[]) =>
    column < 2 ? text.padEnd(widths[column]!) : row.length < COLUMNS.length ? text : text.padStart(widths[column]!);
  return all.map((row) =>
    row
      .map((text, column) => cell(text, column, row))
      .join('  ')
      .trimEnd(),
  );
}

/** The table and the lines under it, for stdout. */
export function previewText(preview: BillingPreview, lines: readonly ReconciledLine[], t: Translate, language: Language): string {
  const money = new Intl.NumberFormat(language, {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const services = topServices(preview);
  const out = [
    ...table(lines, t, money),
    '',
    `${t('preview_top_services', {count: services.length})}: ${services.map((s) => `${s.service} ${money.format(s.cost)}`).join(' · ')}`,
    t(preview.basis === 'blended' ? 'preview_summary_blended' : 'preview_summary_unblended', {
      period: preview.period,
      total: `${money.format(preview.total)} ${preview.currency}`,
      rows: preview.rows.toLocaleString(language),
    }),
    t('preview_summary_apart', {
      credits: money.format(preview.credits),
      refunds: money.format(preview.refunds),
      taxes: money.format(preview.taxes),
      // `2026-10-31T23:00:00.000Z` → `2026-10-31 23:00` (the message says UTC).
      lastHour: preview.lastUsageHour?.slice(0, 16).replace('T', ' ') ?? '–',
    }),
  ];
  if (preview.mixedCurrencies) out.push(t('preview_mixed_currencies', {currency: preview.currency}));
  const unbilled = lines.filter((line) => line.kind === 'unbilled').length;
  if (unbilled > 0) out.push(t('cli_preview_unbilled_alert', {count: unbilled}));
  const seconds = new Intl.NumberFormat(language, {minimumFractionDigits: 1, maximumFractionDigits: 1}).format(preview.elapsedMs / 1000);
  out.push(t('cli_preview_read', {megabytes: megabytes(preview.bytes, language), seconds}));
  return `${out.join('\n')}\n`;
}

/** `{checks, report, basis, currency, lines, topServices, total, …}`: the preview's figures to the CUR's ten decimals. */
export function previewJson(preview: BillingPreview, lines: readonly ReconciledLine[], checks: readonly unknown[], report: Record<string, string>): string {
  const {accounts: _accounts, period, ...figures} = preview;
  const json = lines.map((line) =>
    line.kind === 'idle'
      ? {kind: line.kind, enterprise: line.enterprise.name, ...(line.enterprise.awsAccountId ? {accountId: line.enterprise.awsAccountId} : {})}
      : {kind: line.kind, ...(line.kind === 'billed' ? {enterprise: line.enterprise.name} : {}), ...line.account},
  );
  const document = {checks, report: {...report, period}, ...figures, lines: json, topServices: topServices(preview)};
  // Sums carry float noise past the CUR's ten decimals (2.9763013422999998): rounded away.
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(10)) : value), 2)}\n`;
}

/** The checks worth showing before a preview, or instead of one: those that did not pass, each with its message. */
export const notPassed = (checks: readonly Check[], message: (check: Check) => string) =>
  checks.filter((check) => check.status === 'warn' || check.status === 'fail').map((check) => ({...check, message: message(check)}));
