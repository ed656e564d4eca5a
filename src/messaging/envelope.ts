import type {MessageType, RequestOf, ResponseOf} from './protocol.ts';

export const messagingCodes = ['SENDER_REJECTED', 'INVALID_MESSAGE', 'EXTENSION_RELOADED', 'INTERNAL'] as const;
export type MessagingCode = (typeof messagingCodes)[number];

export interface RequestEnvelope<T extends MessageType = MessageType> {
  readonly boa: 1;
  readonly type: T;
  readonly payload: RequestOf<T>;
}

/** Replies never carry exceptions' stacks or payload echoes: only a code and a redacted detail. */
export type ResponseEnvelope<T extends MessageType = MessageType> =
  {readonly ok: true; readonly value: ResponseOf<T>} | {readonly ok: false; readonly code: MessagingCode; readonly detail?: string};

export function isRequestEnvelope(value: unknown): value is RequestEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<RequestEnvelope>;
  return candidate.boa === 1 && typeof candidate.type === 'string' && typeof candidate.payload === 'object' && candidate.payload !== null;
}
