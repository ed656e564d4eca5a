import type {SenderKind} from './protocol.ts';

export interface SenderContext {
  readonly extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…/`): the origin of the extension's own pages. */
  readonly extensionBaseUrl: string;
  readonly enabledOrigins: readonly string[];
}

/**
 * Classifies a message's sender, or rejects it: anything not from this extension (another extension, a web
 * page through `externally_connectable`), and content scripts on a console the operator did not enable.
 */
export function classifySender(sender: chrome.runtime.MessageSender, context: SenderContext): SenderKind | undefined {
  if (sender.id !== context.extensionId) return undefined;
  const url = sender.url ?? '';
  if (sender.tab === undefined) return url.startsWith(context.extensionBaseUrl) ? 'extension-page' : undefined;
  // Our own page framed in a tab: only the key-entry frame is ever embedded.
  if (sender.frameId !== 0) return url.startsWith(`${context.extensionBaseUrl}keys-frame.html`) ? 'keys-frame' : undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  if (url.startsWith(context.extensionBaseUrl)) return 'extension-page';
  return context.enabledOrigins.includes(origin) ? 'console' : undefined;
}
