/** Helpers for the browser tests of the components and the console adapter: registers the components once. */
import {sendKeys} from '@web/test-runner-commands';
import {registerComponents} from '../../src/components/register.ts';

registerComponents();

/** Walks through shadow roots: `deep(tab, 'boa-pricing-credentials', 'boa-keys-input', '#secret')`. */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let node: Element | null = root;
  for (const selector of selectors) {
    node = (node.shadowRoot ?? node).querySelector(selector);
    if (!node) throw new Error(`nothing matches ${selector}`);
  }
  return node as T;
}

/** The element that has focus, through shadow roots. */
export function activeDeep(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `matches` holds for the focused element (keyboard-only reachability). */
export async function tabTo(matches: (el: Element) => boolean, limit = 60): Promise<Element> {
  for (let i = 0; i < limit; i++) {
    await sendKeys({press: 'Tab'});
    const active = activeDeep();
    if (active && matches(active)) return active;
  }
  throw new Error('Tab never reached the element');
}

/** Pastes text into an element the way a browser would (a cancelable ClipboardEvent with data). */
/** Returns whether the browser would go on to insert the text (a synthetic paste never does: nobody prevented it). */
export function paste(target: Element, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true, composed: true}));
}

/** Every attribute value in a tree, shadow roots included. */
export function allAttributes(root: Element): string[] {
  const values: string[] = [];
  const visit = (node: Element) => {
    for (const attr of Array.from(node.attributes)) values.push(attr.value);
    for (const child of Array.from(node.children)) visit(child);
    if (node.shadowRoot) for (const child of Array.from(node.shadowRoot.children)) visit(child);
  };
  visit(root);
  return values;
}

/** All markup of a tree, shadow roots included. */
export function allMarkup(root: Element): string {
  let markup = root.outerHTML;
  const visit = (node: Element) => {
    if (node.shadowRoot) markup += node.shadowRoot.innerHTML;
    for (const child of Array.from(node.shadowRoot?.querySelectorAll('*') ?? [])) visit(child);
    for (const child of Array.from(node.children)) visit(child);
  };
  visit(root);
  return markup;
}
