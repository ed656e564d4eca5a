/**
 * Injects the tab's UI into the console page whose content script asks (an enterprise dialog opened, or the toolbar
 * wants the tab): into the same isolated world, so the content script keeps every page of the console light.
 */
export async function loadTabUi(scripting: Pick<typeof chrome.scripting, 'executeScript'>, sender: chrome.runtime.MessageSender): Promise<{loaded: boolean}> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return {loaded: false};
  // Content scripts run in the top frame only (console-origins.ts): the UI goes where its content script is.
  await scripting.executeScript({target: {tabId, frameIds: [sender.frameId ?? 0]}, files: ['tab-ui.js']});
  return {loaded: true};
}
