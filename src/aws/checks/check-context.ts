/** What every check receives: injected clients and the signal of the verification it belongs to. */
import type {EngineClients} from '../aws-clients.ts';
import {commonCodes, fieldOfKind, type AwsFailure} from '../aws-errors.ts';
import type {Check, InputField} from '../types.ts';

export interface CheckContext {
  readonly clients: EngineClients;
  readonly signal?: AbortSignal;
}

/** The SDK's send options: the run's abort signal, when there is one. */
export const sendOptions = (context: CheckContext): {abortSignal?: AbortSignal} => (context.signal ? {abortSignal: context.signal} : {});

/** The check for a failure that is not specific to the request (keys, clock, throttling, network). */
export function failureCheck(failure: AwsFailure, operation: string, field?: InputField): Check {
  const code = commonCodes[failure.kind] ?? 'AWS_UNKNOWN';
  const ownField = fieldOfKind[failure.kind] ?? field;
  return {
    code,
    status: 'fail',
    ...(ownField ? {field: ownField} : {}),
    facts: {operation, error: failure.name, ...(failure.status ? {status: failure.status} : {})},
  };
}
