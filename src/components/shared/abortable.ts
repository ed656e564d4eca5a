import {initialState} from '@lit/task';

/**
 * Settles with `initialState` as soon as `signal` aborts, so a cancelled task returns to its initial state at once
 * even if the service it awaits is slow to notice; a later result of the abandoned call is ignored.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof initialState> {
  if (signal.aborted) return Promise.resolve(initialState);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(initialState);
    signal.addEventListener('abort', onAbort, {once: true});
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(signal.aborted ? initialState : value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) resolve(initialState);
        else reject(error);
      },
    );
  });
}
