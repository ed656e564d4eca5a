/**
 * The console page's scripts share the DOM with the tab: one of them (an XSS, a session-replay tool) could press
 * Apply or fill a field with synthetic events. Only the operator's own input, which the browser marks trusted,
 * reaches the tab: the check runs in the capture phase on the tab's host, before any listener inside it.
 */
const OPERATOR_EVENTS = ['click', 'dblclick', 'submit', 'input', 'change', 'keydown', 'keyup', 'paste', 'drop'] as const;

export function refuseSyntheticInput(host: HTMLElement): void {
  for (const type of OPERATOR_EVENTS) {
    host.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.preventDefault(); // a synthetic click on a submit button would still submit its form
        event.stopImmediatePropagation();
      },
      {capture: true},
    );
  }
}
