import {redact} from '../shared/mask.ts';
import {logger} from '../shared/log.ts';
import {isRequestEnvelope, type ResponseEnvelope} from './envelope.ts';
import {allowedSenders, payloadGuards, verifyPortName, type MessageType, type ProtocolMap, type RequestOf, type ResponseOf} from './protocol.ts';
import {classifySender, type SenderContext} from './sender.ts';

const log = logger('messaging');

export type Handlers = {
  readonly [T in MessageType]: (payload: RequestOf<T>, sender: chrome.runtime.MessageSender) => Promise<ResponseOf<T>>;
};

/**
 * Answers one request: default-deny on unknown types, senders not allowed for that type, and malformed
 * envelopes; handler exceptions become an INTERNAL reply with a redacted detail.
 */
export async function dispatch(message: unknown, sender: chrome.runtime.MessageSender, handlers: Handlers, context: SenderContext): Promise<ResponseEnvelope> {
  if (!isRequestEnvelope(message) || !Object.hasOwn(allowedSenders, message.type)) return {ok: false, code: 'INVALID_MESSAGE'};
  const type = message.type as MessageType;
  if (!payloadGuards[type](message.payload)) return {ok: false, code: 'INVALID_MESSAGE'};
  const kind = classifySender(sender, context);
  if (kind === undefined || !allowedSenders[type].includes(kind)) {
    log.warn(`rejected ${type} from ${sender.id ?? 'unknown id'} at ${sender.url ?? 'unknown url'}`);
    return {ok: false, code: 'SENDER_REJECTED'};
  }
  try {
    const handler = handlers[type] as (payload: unknown, sender: chrome.runtime.MessageSender) => Promise<ProtocolMap[MessageType]['response']>;
    return {ok: true, value: await handler(message.payload, sender)};
  } catch (error) {
    log.error(`handler ${type} failed`, error);
    return {ok: false, code: 'INTERNAL', detail: redact(error instanceof Error ? error.message : String(error))};
  }
}

/** A verification port is accepted only from a content script on an enabled console. */
export function acceptsVerifyPort(port: chrome.runtime.Port, context: SenderContext): boolean {
  const accepted = port.name === verifyPortName && port.sender !== undefined && classifySender(port.sender, context) === 'console';
  if (!accepted) log.warn(`rejected port ${port.name} from ${port.sender?.id ?? 'unknown id'} at ${port.sender?.url ?? 'unknown url'}`);
  return accepted;
}
