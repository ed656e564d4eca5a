import {query, queryAll, require} from './query.ts';
import {enterpriseTabLabels} from './selectors.ts';

const hasLabel = (texts: readonly string[], labels: readonly string[]) => texts.some((text) => labels.includes(text));

/** The enterprise editor is the modal whose tabs include Credentials and Properties (in any console language). */
export function isEnterpriseDialog(modal: Element): boolean {
  const texts = queryAll(modal, 'tabLinks').map((link) => link.textContent?.trim() ?? '');
  return hasLabel(texts, enterpriseTabLabels.credentials) && hasLabel(texts, enterpriseTabLabels.properties);
}

export function findEnterpriseDialogs(root: ParentNode): Element[] {
  return queryAll(root, 'modal').filter(isEnterpriseDialog);
}

/** The name typed in the dialog's General tab: used to confirm which enterprise is being edited. */
export function readEnterpriseName(dialog: Element): string | undefined {
  const input = require(dialog, 'enterpriseName');
  const value = input instanceof HTMLInputElement ? input.value.trim() : undefined;
  return value || undefined;
}

/**
 * The name in whatever modal is open, recognised as the enterprise editor or not: what the toolbar's panel checks
 * the enterprise against when no tab could be mounted.
 */
export function readAnyDialogEnterpriseName(root: ParentNode): string | undefined {
  for (const modal of queryAll(root, 'modal')) {
    const name = readEnterpriseName(modal);
    if (name) return name;
  }
  return undefined;
}

/** Calls `onSave` when the operator clicks the dialog's own Save. */
export function onDialogSave(dialog: Element, onSave: () => void, signal: AbortSignal): void {
  const button = query(dialog, 'saveButton');
  button?.addEventListener('click', onSave, {signal});
}
