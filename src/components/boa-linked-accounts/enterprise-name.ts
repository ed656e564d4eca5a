import {redact} from '../../shared/mask.ts';

export type EnterpriseNameProblem = 'tab_linked_name_missing' | 'tab_linked_name_secret';

/** Why a linked account's enterprise name cannot be used, if it cannot: missing, or it holds what looks like a key. */
export function enterpriseNameProblem(name: string): EnterpriseNameProblem | undefined {
  const trimmed = name.trim();
  // An enterprise name is shown to everyone who can list enterprises: a key pasted there must never be sent.
  return !trimmed ? 'tab_linked_name_missing' : redact(trimmed) !== trimmed ? 'tab_linked_name_secret' : undefined;
}
