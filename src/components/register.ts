/**
 * The one place the tab's custom elements are defined. Guarded like Shoelace's `define()`: the console page may
 * load the content script twice (extension reload), and a second `define` of a taken tag would throw. The access
 * key form (`boa-keys-input`) is not here: it is defined in the key-entry frame's own document.
 */
import {BoaBillingTab} from './boa-billing-tab/boa-billing-tab.ts';
import {BoaCheckList} from './boa-check-list/boa-check-list.ts';
import {BoaCurReport} from './boa-cur-report/boa-cur-report.ts';
import {BoaEnterprisePicker} from './boa-enterprise-picker/boa-enterprise-picker.ts';
import {BoaKeynodeExplanation} from './boa-keynode-explanation/boa-keynode-explanation.ts';
import {BoaKeysEntry} from './boa-keys-entry/boa-keys-entry.ts';
import {BoaLinkedAccounts} from './boa-linked-accounts/boa-linked-accounts.ts';
import {BoaPreviewLauncher} from './boa-preview-launcher/boa-preview-launcher.ts';
import {BoaPricingCredentials} from './boa-pricing-credentials/boa-pricing-credentials.ts';
import {BoaPropertiesDiff} from './boa-properties-diff/boa-properties-diff.ts';
import {BoaSavedLine} from './boa-saved-line/boa-saved-line.ts';
import {BoaSetupStatus} from './boa-setup-status/boa-setup-status.ts';
import {BoaVerifiedKeys} from './boa-verified-keys/boa-verified-keys.ts';

const elements = {
  'boa-billing-tab': BoaBillingTab,
  'boa-check-list': BoaCheckList,
  'boa-cur-report': BoaCurReport,
  'boa-enterprise-picker': BoaEnterprisePicker,
  'boa-keynode-explanation': BoaKeynodeExplanation,
  'boa-keys-entry': BoaKeysEntry,
  'boa-linked-accounts': BoaLinkedAccounts,
  'boa-preview-launcher': BoaPreviewLauncher,
  'boa-pricing-credentials': BoaPricingCredentials,
  'boa-properties-diff': BoaPropertiesDiff,
  'boa-saved-line': BoaSavedLine,
  'boa-setup-status': BoaSetupStatus,
  'boa-verified-keys': BoaVerifiedKeys,
} as const;

/** Defines every tag not yet defined. Idempotent. */
export function registerComponents(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'boa-billing-tab': BoaBillingTab;
    'boa-check-list': BoaCheckList;
    'boa-cur-report': BoaCurReport;
    'boa-enterprise-picker': BoaEnterprisePicker;
    'boa-keynode-explanation': BoaKeynodeExplanation;
    'boa-keys-entry': BoaKeysEntry;
    'boa-linked-accounts': BoaLinkedAccounts;
    'boa-preview-launcher': BoaPreviewLauncher;
    'boa-pricing-credentials': BoaPricingCredentials;
    'boa-properties-diff': BoaPropertiesDiff;
    'boa-saved-line': BoaSavedLine;
    'boa-setup-status': BoaSetupStatus;
    'boa-verified-keys': BoaVerifiedKeys;
  }
}
