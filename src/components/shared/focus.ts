import type {ReactiveElement} from 'lit';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether focus is somewhere inside `host` (its light or shadow tree). */
export function focusWithin(host: Element): boolean {
  return host.matches(':focus-within');
}

/**
 * Once the renders a finished action caused have settled (the parent's too), moves focus to `target` if it fell
 * to the page because the focused control was removed or disabled. Only call it when focus was inside `host` as
 * the action started, so an operator who moved on is left alone.
 */
export async function keepFocus(host: ReactiveElement, target: () => HTMLElement | null | undefined): Promise<void> {
  // A macrotask: every microtask-scheduled update (the parent's, then this element's) has run by then.
  await new Promise((resolve) => setTimeout(resolve));
  await host.updateComplete;
  const active = deepActive();
  const lost = !active || active === document.body || (active as HTMLButtonElement).disabled === true;
  if (lost) target()?.focus();
}
