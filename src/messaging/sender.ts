import type {SenderKind} from './protocol.ts';

export interface SenderContext {
  readonly extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…/`): the origin of the extension's own pages. */
  readonly extensionBaseUrl: string;
  readonly enabledOrigins: readonly string[];
}

/** The extension's pages that console tabs embed (web-accessible on console hosts only). */
export const EMBEDDED_PAGES = ['keys-frame.html', 'preview-frame.html'] as const;

/**
 * Classifies a message's sender, or rejects it: anything not from this extension (another extension, a web
 * page through `externally_connectable`), and content scripts on a console the operator did not enable.
 */
export function classifySender(sender: chrome.runtime.MessageSender, context: SenderContext): SenderKind | undefined {
  if (sender.id !== context.extensionId) return undefined;
  const url = sender.url ?? '';
  if (sender.tab === undefined) return url.startsWith(context.extensionBaseUrl) ? 'extension-page' : undefined;
  // Our own pages framed in a tab: only the key-entry and billing preview frames are ever embedded.
  if (sender.frameId !== 0) return EMBEDDED_PAGES.some((page) => url.startsWith(`${context.extensionBaseUrl}${page}`)) ? 'frame' : undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  if (url.startsWith(context.extensionBaseUrl)) return 'extension-page';
  return context.enabledOrigins.includes(origin) ? 'console' : undefined;
}
