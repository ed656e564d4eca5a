/**
 * Firefox runs content scripts in a sandbox that sees the page's DOM through Xray wrappers (measured in Firefox ESR
 * 140 and 153). Three things the tab relies on break there (custom elements, iterators of the page's `Headers` and
 * the like, adopted stylesheets on 140); this module repairs them, and must be evaluated before Lit (the
 * content-script entry imports it first). In Chrome, and in any page that is not a Firefox content script, it does
 * nothing.
 */

/** What a Firefox content script has beyond a window: the page's own view of any object. */
interface Waivable {
  readonly wrappedJSObject: object;
}
type XrayWindow = typeof globalThis & Window & Waivable & {wrappedJSObject: {HTMLElement: typeof HTMLElement}};

function isFirefoxContentScript(scope: unknown): scope is XrayWindow {
  return typeof (scope as Partial<Waivable>).wrappedJSObject === 'object';
}

/**
 * Custom elements defined from a content script (Mozilla bugs 1492002, 1820521): the native constructor gives
 * the element our class's prototype for real — an object of our compartment, so the page gets "Permission
 * denied" on the element — while our own Xray view of it keeps the plain `HTMLElement.prototype`, without Lit's
 * methods. This constructor swaps the two: the page's view gets the page's `HTMLElement.prototype` back (so the
 * page sees a plain element and nothing of ours), and our view gets the class prototype (an Xray
 * `setPrototypeOf` is visible to this content script only).
 */
export function installXrayHTMLElement(scope: XrayWindow): void {
  const Native = scope.HTMLElement;
  const pagePrototype = scope.wrappedJSObject.HTMLElement.prototype;
  function HTMLElement(this: unknown): HTMLElement {
    const element = Reflect.construct(Native, [], new.target) as HTMLElement & Waivable;
    Object.setPrototypeOf(element.wrappedJSObject, pagePrototype);
    Object.setPrototypeOf(element, (new.target as unknown as typeof Native).prototype);
    return element;
  }
  HTMLElement.prototype = Native.prototype;
  Object.setPrototypeOf(HTMLElement, Native);
  scope.HTMLElement = HTMLElement as unknown as typeof Native;
}

/**
 * Iterators of the page's `Headers`, `URLSearchParams` and `FormData` lose `Symbol.iterator` through the Xray,
 * so `for…of` over `headers.entries()` (ky merges headers that way) throws "is not iterable".
 */
export function restoreDomIterators(scope: typeof globalThis): void {
  const iterators = [new scope.Headers().entries(), new scope.URLSearchParams().entries(), new scope.FormData().entries()];
  for (const iterator of iterators) {
    const prototype = Object.getPrototypeOf(iterator) as object;
    if (Symbol.iterator in prototype) continue;
    Object.defineProperty(prototype, Symbol.iterator, {
      configurable: true,
      writable: true,
      value(this: Iterator<unknown>) {
        return this;
      },
    });
  }
}

/**
 * Firefox 140 ESR refuses `shadowRoot.adoptedStyleSheets` set from a content script ("Accessing from Xray
 * wrapper is not supported"). Lit then falls back to `<style>` elements when told that shadow DOM is emulated.
 */
export function useStyleElementsWhereSheetsCannotBeAdopted(scope: typeof globalThis & {ShadyCSS?: {nativeShadow: boolean}}): void {
  const probe = scope.document.createElement('div').attachShadow({mode: 'open'});
  try {
    probe.adoptedStyleSheets = [new scope.CSSStyleSheet()];
  } catch {
    scope.ShadyCSS = {nativeShadow: false};
  }
}

const scope: unknown = globalThis;
if (isFirefoxContentScript(scope)) {
  installXrayHTMLElement(scope);
  restoreDomIterators(scope);
  useStyleElementsWhereSheetsCannotBeAdopted(scope);
}
