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
  // Only the console's top frame runs our content script; other frames have no business here.
  if (sender.frameId !== 0) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  if (url.startsWith(context.extensionBaseUrl)) return 'extension-page';
  return context.enabledOrigins.includes(origin) ? 'console' : undefined;
}
