/**
 * Pairs a console tab's content script with a frame of ours it embeds (key entry, billing preview). The content script hands the frame a
 * MessagePort with a one-time token it got here; the frame claims the token, and only a claim from a frame in the
 * same tab succeeds. A console page cannot get a token (it has no channel to the worker) nor read the content
 * script's message to the frame, so it cannot pose as either end.
 */
const tokens = new Map<string, number>();

export function pairFrame(tabId: number | undefined): {token: string} {
  const token = crypto.randomUUID();
  if (tabId !== undefined) tokens.set(token, tabId);
  return {token};
}

export function claimFrame(token: string, tabId: number | undefined): {paired: boolean} {
  const owner = tokens.get(token);
  tokens.delete(token);
  return {paired: owner !== undefined && owner === tabId};
}
