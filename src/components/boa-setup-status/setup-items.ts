import type {CheckStatus} from '../../aws/types.ts';
import type {MessageKey, Substitutions} from '../../shared/i18n.ts';
import type {TabSection} from '../events.ts';
import type {KeynodeState, LinkedAccount} from '../../abiquo/types.ts';

/** One line of the setup checklist: status, a one-line reason and the section whose form fixes it. */
export interface SetupItem {
  readonly id: 'scope' | 'pricing' | 'properties' | 'linked';
  readonly status: CheckStatus;
  readonly reason: MessageKey;
  readonly facts?: Substitutions;
  /** Absent when nothing needs fixing. */
  readonly fix?: {readonly section: TabSection; readonly label: MessageKey};
}

/** What the tab knows right now, from Abiquo and from the checks run in this session. */
export interface SetupFacts {
  readonly keynode: KeynodeState;
  readonly linked: readonly LinkedAccount[] | undefined;
  /** Pricing keys pasted in this session: undefined (none), or whether their checks passed. */
  readonly pricingVerified: boolean | undefined;
  /** The six values the verified bucket calls for, when a report was verified. */
  readonly desired: Readonly<Record<string, string>> | undefined;
  /** The verified report is set up but AWS has not delivered its first data yet. */
  readonly awaitingDelivery?: boolean;
  /** The `amazon_*` properties a complete setup must have. */
  readonly required: readonly string[];
}

/**
 * The setup status's checklist of the keynode's whole billing-only setup (a scope without compute resources,
 * pricing credentials, the `amazon_*` properties, linked accounts with public credentials), derived from state only
 * (no request).
 */
export function setupItems(facts: SetupFacts): SetupItem[] {
  return [scopeItem(facts), pricingItem(facts), propertiesItem(facts), linkedItem(facts)];
}

function scopeItem({keynode}: SetupFacts): SetupItem {
  const scope = keynode.scope;
  if (!scope) return {id: 'scope', status: 'skipped', reason: 'tab_setup_scope_unknown'};
  if (scope.computeResources > 0)
    return {id: 'scope', status: 'warn', reason: 'tab_setup_scope_compute', facts: {scope: scope.name, count: scope.computeResources}};
  return {id: 'scope', status: 'pass', reason: 'tab_setup_scope_ok', facts: {scope: scope.name}};
}

function pricingItem({keynode, pricingVerified}: SetupFacts): SetupItem {
  const fix = {section: 'pricing', label: 'tab_setup_fix_pricing'} as const;
  if (pricingVerified === false) return {id: 'pricing', status: 'fail', reason: 'tab_setup_pricing_failed', fix};
  // Checked is not saved: the line above the checklist says they are not saved yet, with the way to Apply.
  if (pricingVerified && !keynode.hasPricingCredentials) return {id: 'pricing', status: 'pass', reason: 'tab_setup_pricing_checked'};
  if (pricingVerified) return {id: 'pricing', status: 'pass', reason: 'tab_setup_pricing_verified'};
  if (keynode.hasPricingCredentials) return {id: 'pricing', status: 'pass', reason: 'tab_setup_pricing_saved'};
  return {id: 'pricing', status: 'fail', reason: 'tab_setup_pricing_missing', fix};
}

function propertiesItem({keynode, desired, required, awaitingDelivery}: SetupFacts): SetupItem {
  const absent = required.filter((key) => !keynode.properties[key]);
  if (absent.length > 0) {
    return {
      id: 'properties',
      status: 'fail',
      reason: 'tab_setup_properties_missing',
      facts: {properties: absent},
      fix: {section: 'report', label: 'tab_setup_fix_report'},
    };
  }
  if (!desired)
    return {id: 'properties', status: 'skipped', reason: 'tab_setup_properties_unchecked', fix: {section: 'pricing', label: 'tab_setup_fix_pricing'}};
  const differing = Object.keys(desired).filter((key) => keynode.properties[key] !== desired[key]);
  if (differing.length > 0) {
    return {
      id: 'properties',
      status: 'warn',
      reason: 'tab_setup_properties_differ',
      facts: {properties: differing},
      fix: {section: 'properties', label: 'tab_setup_fix_properties'},
    };
  }
  if (awaitingDelivery) return {id: 'properties', status: 'warn', reason: 'tab_setup_properties_awaiting'};
  return {id: 'properties', status: 'pass', reason: 'tab_setup_properties_ok'};
}

function linkedItem({linked}: SetupFacts): SetupItem {
  const fix = {section: 'linked', label: 'tab_setup_fix_linked'} as const;
  if (!linked) return {id: 'linked', status: 'skipped', reason: 'tab_setup_linked_unknown', fix};
  if (linked.length === 0) return {id: 'linked', status: 'warn', reason: 'tab_setup_linked_none', fix};
  const without = linked.filter((account) => !account.hasAmazonCredentials).map((account) => account.name);
  if (without.length > 0) return {id: 'linked', status: 'fail', reason: 'tab_setup_linked_missing', facts: {enterprises: without}, fix};
  return {id: 'linked', status: 'pass', reason: 'tab_setup_linked_ok', facts: {count: linked.length}};
}
