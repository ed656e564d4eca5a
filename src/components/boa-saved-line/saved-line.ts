import {amazonPropertyNames} from '../../aws/amazon-properties.ts';
import type {MessageKey, Substitutions} from '../../shared/i18n.ts';
import type {SetupFacts} from '../boa-setup-status/setup-items.ts';

type Phrase = {readonly key: MessageKey; readonly facts?: Substitutions};

/** The one line that leads the tab: what this keynode holds in Abiquo now, and what was only checked here. */
export interface SavedLine {
  readonly name: string;
  readonly saved: readonly Phrase[];
  /** Checked in this tab and not written yet: only Apply makes it so. */
  readonly unsaved: readonly Phrase[];
}

/** Derived from state only; `desired` values that differ are the properties' checklist line, not repeated here. */
export function savedLine({keynode, linked, pricingVerified, required}: SetupFacts): SavedLine {
  const saved: Phrase[] = [];
  if (keynode.hasPricingCredentials) saved.push({key: 'tab_saved_pricing'});
  const present = required.filter((key) => keynode.properties[key]).length;
  if (present > 0 && present === required.length) {
    // Complete: counted as Apply's "Saved at" counts them, amazon_mpa included when set.
    saved.push({key: 'tab_saved_properties_all', facts: {count: amazonPropertyNames.filter((key) => keynode.properties[key] !== undefined).length}});
  } else if (present > 0) saved.push({key: 'tab_saved_properties', facts: {count: present, total: required.length}});
  const withKeys = (linked ?? []).filter((account) => account.hasAmazonCredentials).length;
  // None with keys is not something saved: the linked accounts' checklist line names who lacks them.
  if (linked && withKeys > 0) saved.push({key: 'tab_saved_linked', facts: {count: withKeys, total: linked.length}});
  const unsaved: Phrase[] = pricingVerified && !keynode.hasPricingCredentials ? [{key: 'tab_unsaved_pricing'}] : [];
  return {name: keynode.enterprise.name, saved, unsaved};
}
