import {require} from './query.ts';

export interface MountedTab {
  readonly pane: HTMLElement;
  /** Shows the Billing-only AWS pane (also used by the toolbar's "open the tab"). */
  activate(): void;
  /** Relabels the tab once the console user's language is known. */
  setLabel(label: string): void;
}

const MOUNTED = 'data-boa-mounted';
const PLACEHOLDER = 'data-boa-placeholder';

/**
 * What the pane holds until the tab's UI is loaded: the light content script mounts the tab as soon as the dialog
 * appears, and the UI's own mount of the same dialog puts its panel in the placeholder's place.
 */
export function placeholderPanel(): HTMLElement {
  const placeholder = document.createElement('div');
  placeholder.setAttribute(PLACEHOLDER, '');
  placeholder.setAttribute('aria-busy', 'true');
  return placeholder;
}

/**
 * Adds "Billing-only AWS" beside the dialog's own tabs, built like them (`li > a` in the tab strip, a
 * `.tab-pane` in the tab content) so the console's styles apply. Idempotent (a placeholder pane gets the panel);
 * removed when the `signal` of the mount that added it aborts.
 * Returns undefined when the dialog has no recognisable tab strip (the toolbar button is then the way in).
 */
export function mountBillingTab(dialog: Element, options: {label: string; panel: () => HTMLElement; signal: AbortSignal}): MountedTab | undefined {
  const strip = require(dialog, 'tabStrip');
  const content = require(dialog, 'tabContent');
  if (!strip || !content) return undefined;
  const existing = content.querySelector<HTMLElement>(`:scope > [${MOUNTED}]`);
  const existingItem = strip.querySelector<HTMLElement>(`:scope > [${MOUNTED}]`);
  if (existing && existingItem) {
    existing.querySelector(`:scope > [${PLACEHOLDER}]`)?.replaceWith(options.panel());
    return handle(strip, content, existingItem, existing);
  }

  const item = document.createElement('li');
  item.setAttribute(MOUNTED, '');
  const link = document.createElement('a');
  link.href = '#';
  link.textContent = options.label;
  link.setAttribute('role', 'tab');
  link.setAttribute('aria-selected', 'false');
  item.append(link);

  const pane = document.createElement('div');
  pane.className = 'tab-pane';
  pane.setAttribute(MOUNTED, '');
  pane.setAttribute('role', 'tabpanel');
  pane.hidden = true;
  pane.append(options.panel());

  strip.append(item);
  content.append(pane);

  link.addEventListener(
    'click',
    (event) => {
      event.preventDefault();
      activate(strip, content, item, pane);
    },
    {signal: options.signal},
  );
  // The console's own tab handlers know nothing of ours: when one of its tabs is clicked, step aside.
  strip.addEventListener(
    'click',
    (event) => {
      if (!(event.target instanceof Element) || item.contains(event.target)) return;
      deactivate(item, pane);
      restoreConsolePane(strip, content, event.target.closest('li'));
    },
    {signal: options.signal},
  );

  options.signal.addEventListener(
    'abort',
    () => {
      // Removed while showing (a placeholder whose UI never loaded): the console's pane comes back, not a blank dialog.
      if (item.classList.contains('active')) {
        deactivate(item, pane);
        restoreConsolePane(strip, content, hiddenByUs.get(strip)?.item ?? null);
      }
      item.remove();
      pane.remove();
    },
    {once: true},
  );
  return handle(strip, content, item, pane);
}

function handle(strip: Element, content: Element, item: HTMLElement, pane: HTMLElement): MountedTab {
  return {
    pane,
    activate: () => activate(strip, content, item, pane),
    setLabel: (label) => {
      const link = item.querySelector('a');
      if (link) link.textContent = label;
    },
  };
}

// The console pane we hid when ours was shown, to give back if the console thinks it never left.
const hiddenByUs = new WeakMap<Element, {item: Element; pane: Element}>();

function activate(strip: Element, content: Element, item: HTMLElement, pane: HTMLElement): void {
  const activeItem = [...strip.children].find((li) => li !== item && li.classList.contains('active'));
  const activePane = [...content.children].find((p) => p !== pane && p.classList.contains('active'));
  if (activeItem && activePane) hiddenByUs.set(strip, {item: activeItem, pane: activePane});
  activeItem?.classList.remove('active');
  activePane?.classList.remove('active');
  item.classList.add('active');
  pane.classList.add('active');
  pane.hidden = false;
  item.querySelector('a')?.setAttribute('aria-selected', 'true');
}

function deactivate(item: HTMLElement, pane: HTMLElement): void {
  item.classList.remove('active');
  pane.classList.remove('active');
  pane.hidden = true;
  item.querySelector('a')?.setAttribute('aria-selected', 'false');
}

function restoreConsolePane(strip: Element, content: Element, clicked: Element | null): void {
  const hidden = hiddenByUs.get(strip);
  hiddenByUs.delete(strip);
  // Let the console's handler run first; if it left no pane active (it thought its tab was still showing), undo our hiding.
  queueMicrotask(() => {
    const anyActive = [...content.children].some((p) => p.classList.contains('active') && !p.hasAttribute(MOUNTED));
    if (!anyActive && hidden && hidden.item === clicked) {
      hidden.item.classList.add('active');
      hidden.pane.classList.add('active');
    }
  });
}
