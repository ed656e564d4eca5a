import {findEnterpriseDialogs} from './find-enterprise-dialog.ts';

/**
 * Calls `onDialog` once per enterprise-edit dialog that appears (now or later), with a signal that aborts
 * when that dialog leaves the page or `signal` aborts. `onDialog` says whether it mounted the tab; a dialog
 * re-rendered without our mounted tab gets `onDialog` again.
 */
export function watchEnterpriseDialogs(root: Document, onDialog: (dialog: Element, signal: AbortSignal) => boolean, signal: AbortSignal): void {
  const live = new Map<Element, {controller: AbortController; mounted: boolean}>();

  const scan = () => {
    for (const [dialog, state] of live) {
      const lostMount = state.mounted && !dialog.querySelector('[data-boa-mounted]');
      if (!dialog.isConnected || lostMount) {
        state.controller.abort();
        live.delete(dialog);
      }
    }
    for (const dialog of findEnterpriseDialogs(root)) {
      if (live.has(dialog)) continue;
      const controller = new AbortController();
      const state = {controller, mounted: false};
      live.set(dialog, state);
      state.mounted = onDialog(dialog, AbortSignal.any([signal, controller.signal]));
    }
  };

  const observer = new MutationObserver(scan);
  observer.observe(root.body, {childList: true, subtree: true});
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const {controller} of live.values()) controller.abort();
      live.clear();
    },
    {once: true},
  );
  scan();
}
