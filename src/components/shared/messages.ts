import type {Check} from '../../aws/types.ts';
import type {MessageKey, Translate} from '../../shared/i18n.ts';
import type {AbiquoCode} from '../services.ts';

// Codes are closed unions with a message per code in every locale (a convention test enforces it), so
// building the key from the code is safe even though TypeScript cannot see it.

/** The translated message of one check, its facts filling the placeholders. */
export function checkMessage(t: Translate, check: Check): string {
  return t(`check_${check.code}` as MessageKey, check.facts);
}

/** The translated message of an Abiquo failure (session expired, forbidden, conflict…). */
export function abiquoMessage(t: Translate, code: AbiquoCode, facts?: Readonly<Record<string, string | number>>): string {
  return t(`abiquo_${code}` as MessageKey, facts);
}
