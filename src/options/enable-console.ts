import {sendRequest} from '../messaging/client.ts';
import type {OriginCode} from '../messaging/protocol.ts';
import {originPattern, parseConsoleOrigin, pendingConsoleItem} from '../shared/console-origin.ts';
import {err, type Result} from '../shared/result.ts';

export type EnableCode = OriginCode | 'INTERNAL';

/**
 * Asks the browser for the console's host permission (must run in the click's user gesture), then lets the
 * worker enable it. A permission already granted (e.g. declared by the sandbox build) is granted again without a
 * prompt.
 */
export async function enableConsole(input: string): Promise<Result<{origin: string; origins: readonly string[]}, EnableCode>> {
  const parsed = parseConsoleOrigin(input);
  if (!parsed.ok) return parsed;
  const origin = parsed.value;
  const permission = {origins: [originPattern(origin)]};
  // The popup may close before the answer (a click elsewhere ends its script): the worker finishes the job on the grant.
  void chrome.storage.session.set({[pendingConsoleItem]: origin});
  // The request must be the first thing awaited: Firefox counts a click as a user action only until then.
  const granted = await chrome.permissions.request(permission).catch(() => false);
  if (!granted) {
    await chrome.storage.session.remove(pendingConsoleItem);
    return err('PERMISSION_MISSING', {origin});
  }
  const reply = await sendRequest('origins/enable', {origin});
  await chrome.storage.session.remove(pendingConsoleItem);
  if (!reply.ok) return err('INTERNAL', {origin}, reply.code);
  return reply.value.ok ? {ok: true, value: {origin, origins: reply.value.value.origins}} : reply.value;
}
