import {sendRequest} from '../messaging/client.ts';
import {originPattern, parseConsoleOrigin, pendingConsoleItem} from '../shared/console-origin.ts';
import {err, type Result} from '../shared/result.ts';

export type EnableCode = 'ORIGIN_INVALID' | 'PERMISSION_MISSING' | 'INTERNAL';

/**
 * Asks the browser for the console's host permission (must run in the click's user gesture), then lets the
 * worker enable it. A permission already granted (e.g. declared by the sandbox build) needs no prompt.
 */
export async function enableConsole(input: string): Promise<Result<{origin: string; origins: readonly string[]}, EnableCode>> {
  const parsed = parseConsoleOrigin(input);
  if (!parsed.ok) return parsed;
  const origin = parsed.value;
  const permission = {origins: [originPattern(origin)]};
  // Firefox closes the popup when the prompt opens, ending this script: the worker finishes the job on the grant.
  await chrome.storage.session.set({[pendingConsoleItem]: origin});
  const granted = (await chrome.permissions.contains(permission)) || (await chrome.permissions.request(permission));
  if (!granted) {
    await chrome.storage.session.remove(pendingConsoleItem);
    return err('PERMISSION_MISSING', {origin});
  }
  const reply = await sendRequest('origins/enable', {origin});
  await chrome.storage.session.remove(pendingConsoleItem);
  if (!reply.ok) return err('INTERNAL', {origin}, reply.code);
  return reply.value.ok ? {ok: true, value: {origin, origins: reply.value.value.origins}} : reply.value;
}
