/** Expected failures are values, not exceptions (`throw` is for bugs). */
export type Result<T, C extends string = string> =
  | {readonly ok: true; readonly value: T}
  | {readonly ok: false; readonly code: C; readonly detail?: string; readonly facts?: Readonly<Record<string, string | number>>};

export const ok = <T>(value: T): Result<T, never> => ({ok: true, value});

export const err = <C extends string>(code: C, facts?: Readonly<Record<string, string | number>>, detail?: string): Result<never, C> => ({
  ok: false,
  code,
  ...(facts ? {facts} : {}),
  ...(detail ? {detail} : {}),
});

/** A failure as a caller keeps it to show: `{code, facts}`, without an empty `facts` key or the `detail`. */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly facts?: Readonly<Record<string, string | number>>;
}

export const failureOf = <C extends string>(result: Failure<C>): Failure<C> => ({code: result.code, ...(result.facts ? {facts: result.facts} : {})});
