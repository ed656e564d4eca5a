/**
 * How the content script reaches the tab's UI (`tab-ui.js`), which the worker injects into the same isolated world
 * only once an enterprise dialog or the toolbar asks for the tab: a property of that world's global, which the console
 * page cannot see.
 */
export interface TabUi {
  /** The toolbar's "Open the tab". */
  readonly openPanel: () => void;
}

const key = Symbol.for('billing-only-aws.tab-ui');
type Holder = {[key]?: TabUi};

export const publishTabUi = (ui: TabUi): void => void ((globalThis as Holder)[key] = ui);
export const loadedTabUi = (): TabUi | undefined => (globalThis as Holder)[key];
/** A copy replacing this one forgets its UI: only a UI injected for the new copy counts as loaded. */
export const forgetTabUi = (): void => void delete (globalThis as Holder)[key];

/**
 * Also said to a tab UI left by an earlier copy of the content script (the extension was reloaded or the console
 * enabled again), whose world the DOM event reaches: it removes everything it added.
 */
export const REPLACED_EVENT = 'boa-content-script-replaced';
