import type {AbiquoService} from '../abiquo/types.ts';

/**
 * While Apply, Restore or Add account writes to Abiquo, leaving or reloading the console asks first (the browser's
 * own "Leave site?"): a write cut off half-way by the page going away cannot be undone by a page that is gone.
 */
export function guardLeaving(service: AbiquoService): AbiquoService {
  const hold = <T>(work: () => Promise<T>): Promise<T> => {
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // Chromium before 119 and Firefox ESR 115 still look at this
    };
    window.addEventListener('beforeunload', ask);
    return work().finally(() => window.removeEventListener('beforeunload', ask));
  };
  return {
    ...service,
    applySetup: (plan, signal) => hold(() => service.applySetup(plan, signal)),
    addLinkedAccount: (account, signal) => hold(() => service.addLinkedAccount(account, signal)),
  };
}
