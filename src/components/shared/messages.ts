import type {Check, InputField} from '../../aws/types.ts';
import type {MessageKey, Translate} from '../../shared/i18n.ts';
import type {AbiquoCode} from '../../abiquo/codes.ts';
import type {Failure} from '../../shared/result.ts';
import {formatAccount} from './identity.ts';

// Codes are closed unions with a message per code in every locale (a convention test enforces it), so
// building the key from the code is safe even though TypeScript cannot see it.

/** An Abiquo failure as the components keep it: the code and the facts its message needs. */
export type AbiquoFailure = Failure<AbiquoCode>;

/** Facts shown the way the rest of the tab shows them: accounts dashed, times in the console's language. */
function displayFacts(check: Check, language: string | undefined): Check['facts'] {
  const facts: Record<string, Check['facts'][string]> = {...check.facts};
  for (const key of ['account', 'payerAccount']) {
    if (typeof facts[key] === 'string') facts[key] = formatAccount(facts[key]);
  }
  const delivered = facts.deliveredAt;
  if (language && typeof delivered === 'string' && !Number.isNaN(Date.parse(delivered))) {
    facts.deliveredAt = new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(delivered));
  }
  return facts;
}

/** The translated message of one check, its facts filling the placeholders. */
export function checkMessage(t: Translate, check: Check, language?: string): string {
  return t(`check_${check.code}` as MessageKey, displayFacts(check, language));
}

/** The message of the first failing check of each field, to show next to that field. */
export function fieldErrors(t: Translate, checks: readonly Check[], language?: string): Partial<Record<InputField, string>> {
  const errors: Partial<Record<InputField, string>> = {};
  for (const check of checks) {
    if (check.status === 'fail' && check.field && !errors[check.field]) errors[check.field] = checkMessage(t, check, language);
  }
  return errors;
}

/** The translated message of an Abiquo failure (session expired, forbidden, conflict…). */
export function abiquoMessage(t: Translate, code: AbiquoCode, facts?: Readonly<Record<string, string | number>>): string {
  return t(`abiquo_${code}` as MessageKey, facts);
}
