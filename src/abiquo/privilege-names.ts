import {PRIVILEGE_LABELS} from './assumptions.ts';

/** Privileges as the operator finds them: the console's Roles-screen label and the API name (`“Manage pricing credentials” (MANAGE_PRICING_CREDENTIALS)`). */
export function describePrivileges(names: readonly string[]): string {
  return [...new Set(names)].map((name) => (PRIVILEGE_LABELS[name] ? `“${PRIVILEGE_LABELS[name]}” (${name})` : name)).join(', ');
}
