import type {RequestEnvelope, ResponseEnvelope} from './envelope.ts';
import type {MessageType, RequestOf} from './protocol.ts';

/** Sends a typed request to the service worker; failures come back as a `{ok:false}` envelope, never thrown. */
export async function sendRequest<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseEnvelope<T>> {
  const envelope: RequestEnvelope<T> = {boa: 1, type, payload};
  try {
    const reply = (await chrome.runtime.sendMessage(envelope)) as ResponseEnvelope<T> | undefined;
    return reply ?? {ok: false, code: 'INTERNAL', detail: 'no reply'};
  } catch (error) {
    // "Extension context invalidated": the extension was reloaded under a page that still runs the old script.
    const reloaded = error instanceof Error && /context invalidated|Receiving end does not exist/i.test(error.message);
    return {ok: false, code: reloaded ? 'EXTENSION_RELOADED' : 'INTERNAL', detail: error instanceof Error ? error.message : String(error)};
  }
}
