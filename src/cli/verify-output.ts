/**
 * What `npm run verify` prints, in the language of `--lang`: each check once, the amazon_* values and the
 * outcome as lines; or, with `--json`, one document that also carries every check's message.
 */
import type {Check, Verdict} from '../aws/types.ts';
import {catalogues, translator, type Language, type MessageKey, type Translate} from '../shared/i18n.ts';

export interface Wording {
  readonly t: Translate;
  readonly check: (check: Check) => string;
}

/**
 * The catalogue's `check_<CODE>` messages are written for the tab ("above", "choose Re-verify", "Apply will
 * replace…"): where one is, `cli_check_<CODE>` says the same for the command line, and wins.
 */
export function wording(language: Language): Wording {
  const catalogue = catalogues[language];
  const t = translator(catalogue);
  return {
    t,
    check: ({code, facts}) => {
      const own = `cli_check_${code}`;
      return t((own in catalogue ? own : `check_${code}`) as MessageKey, facts);
    },
  };
}

const mark = {pass: '✔', warn: '!', fail: '✖', skipped: '–'} as const;

/**
 * Prints each check as one line as soon as it is known, and an identical line only once. The engine reports a
 * failure for each request that met it, with the form field it concerns (AWS_NETWORK for the keys'
 * GetCallerIdentity, and again for the bucket's requests) so that the tab can show it next to each field; a
 * terminal has no fields, and those lines would repeat each other word for word.
 */
export function checkPrinter(write: (line: string) => void, message: (check: Check) => string): (check: Check) => void {
  const printed = new Set<string>();
  return (check) => {
    const line = `${mark[check.status]} ${check.code.padEnd(28)} ${message(check)}\n`;
    if (printed.has(line)) return;
    printed.add(line);
    write(line);
  };
}

/** `{checks: [{code, status, field?, facts, message}], values, requests}`, pretty-printed. */
export function jsonReport(verdict: Verdict, values: Readonly<Record<string, string>>, message: (check: Check) => string): string {
  const checks = verdict.checks.map((check) => ({...check, message: message(check)}));
  return `${JSON.stringify({checks, values, requests: verdict.requests}, null, 2)}\n`;
}

export interface Outcome {
  /** 0: every check passed and there are values to write; 1: a check failed, or no report gives values. */
  readonly exitCode: 0 | 1;
  readonly message: MessageKey;
}

export function outcome(verdict: Verdict, bucketGiven: boolean): Outcome {
  if (verdict.checks.some((c) => c.status === 'fail')) return {exitCode: 1, message: 'cli_result_failed'};
  if (!verdict.report) return {exitCode: 1, message: bucketGiven ? 'cli_result_no_report' : 'cli_result_keys_only'};
  return {exitCode: 0, message: 'cli_result_passed'};
}
