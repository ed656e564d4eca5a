/**
 * Consoles the operator enabled. The list lives in `storage.local` (origins only, nothing secret); a console
 * counts only while its host permission is granted, and content scripts are registered for exactly those.
 */
import {originPattern, parseConsoleOrigin, pendingConsoleItem} from '../shared/console-origin.ts';
import {err, ok, type Result} from '../shared/result.ts';
import type {OriginCode} from '../messaging/protocol.ts';
import {probeAbiquoApi} from './abiquo-probe.ts';

const storageKey = 'enabledConsoles';
export const contentScriptId = 'boa-console';

export interface OriginsDeps {
  readonly storage: Pick<chrome.storage.StorageArea, 'get' | 'set'>;
  readonly permissions: Pick<typeof chrome.permissions, 'contains' | 'remove'>;
  readonly scripting: Pick<typeof chrome.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts' | 'executeScript'>;
  readonly tabs: Pick<typeof chrome.tabs, 'query'>;
  /** Asks the site whether it is an Abiquo API (no credentials). */
  readonly fetch: typeof fetch;
}

async function storedOrigins(deps: OriginsDeps): Promise<string[]> {
  const stored = (await deps.storage.get(storageKey))[storageKey];
  return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
}

async function isGranted(origin: string, deps: OriginsDeps): Promise<boolean> {
  return deps.permissions.contains({origins: [originPattern(origin)]});
}

/** Enabled consoles whose permission is still granted (the operator may revoke it in the browser's UI). */
export async function enabledOrigins(deps: OriginsDeps): Promise<string[]> {
  const origins = await storedOrigins(deps);
  const granted = await Promise.all(origins.map((origin) => isGranted(origin, deps)));
  return origins.filter((_, i) => granted[i]);
}

/** Makes the registered content script match the enabled consoles; idempotent. */
export async function syncContentScripts(deps: OriginsDeps): Promise<void> {
  const matches = (await enabledOrigins(deps)).map(originPattern);
  const registered = await deps.scripting.getRegisteredContentScripts({ids: [contentScriptId]});
  if (registered.length > 0) await deps.scripting.unregisterContentScripts({ids: [contentScriptId]});
  if (matches.length === 0) return;
  await deps.scripting.registerContentScripts([
    {id: contentScriptId, matches: [...new Set(matches)], js: ['content.js'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true},
  ]);
}

/** Enables a console after its page obtained the host permission; injects into its tabs already open. */
export async function enableOrigin(input: string, deps: OriginsDeps): Promise<Result<{origins: string[]}, OriginCode>> {
  const parsed = parseConsoleOrigin(input);
  if (!parsed.ok) return parsed;
  const origin = parsed.value;
  if (!(await isGranted(origin, deps))) return err('PERMISSION_MISSING', {origin});
  const origins = await storedOrigins(deps);
  const abiquo = await probeAbiquoApi(origin, deps.fetch);
  if (!abiquo.ok) {
    // Not a console: the grant it was asked for goes too, unless an enabled console shares it (another port).
    await removeUnusedPermission(
      origin,
      origins.filter((o) => o !== origin),
      deps,
    );
    return abiquo;
  }
  if (!origins.includes(origin)) await deps.storage.set({[storageKey]: [...origins, origin]});
  await syncContentScripts(deps);
  await injectIntoOpenTabs([origin], deps);
  return ok({origins: await enabledOrigins(deps)});
}

/**
 * Runs the content script in console tabs already open: registration only reaches pages loaded later. A copy
 * already running there (same version, or orphaned by an extension update) gives way to the new one.
 */
export async function injectIntoOpenTabs(origins: readonly string[], deps: OriginsDeps): Promise<void> {
  for (const origin of origins) {
    const open = await deps.tabs.query({url: originPattern(origin)});
    await Promise.allSettled(
      open
        .filter((tab) => tab.id !== undefined && sameOrigin(tab.url, origin))
        .map((tab) => deps.scripting.executeScript({target: {tabId: tab.id!}, files: ['content.js']})),
    );
  }
}

/** Exact origin, port included: `startsWith` would take `…:80801` for `…:8080`. */
function sameOrigin(url: string | undefined, origin: string): boolean {
  return URL.canParse(url ?? '') && new URL(url!).origin === origin;
}

export async function disableOrigin(input: string, deps: OriginsDeps): Promise<Result<{origins: string[]}, OriginCode>> {
  const parsed = parseConsoleOrigin(input);
  if (!parsed.ok) return parsed;
  const origins = (await storedOrigins(deps)).filter((o) => o !== parsed.value);
  await deps.storage.set({[storageKey]: origins});
  await removeUnusedPermission(parsed.value, origins, deps);
  await syncContentScripts(deps);
  return ok({origins: await enabledOrigins(deps)});
}

/**
 * A host permission was just granted: if a page asked for it to enable a console and could not finish (the
 * popup closed with the prompt), enable that console now.
 */
export async function enablePendingConsole(session: Pick<chrome.storage.StorageArea, 'get' | 'remove'>, deps: OriginsDeps): Promise<void> {
  const pending = (await session.get(pendingConsoleItem))[pendingConsoleItem];
  if (typeof pending !== 'string') return;
  await session.remove(pendingConsoleItem);
  await enableOrigin(pending, deps);
}

/** Another enabled console may share the host pattern (other port): the permission is kept then. */
async function removeUnusedPermission(origin: string, otherOrigins: readonly string[], deps: OriginsDeps): Promise<void> {
  const pattern = originPattern(origin);
  if (!otherOrigins.some((o) => originPattern(o) === pattern)) await deps.permissions.remove({origins: [pattern]}).catch(() => false);
}
