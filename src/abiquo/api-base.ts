/**
 * Where the console's API lives: `config.endpoint` of `/ui/config/client-config-custom.json`, then of
 * `client-config-default.json`, else `<origin>/api` (where Abiquo's installer puts it). Calls ride the console's
 * cookie, so an endpoint on another origin is reported rather than used: a SameSite=Strict cookie would not follow
 * it.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';

export const CLIENT_CONFIG_FILES = ['/ui/config/client-config-custom.json', '/ui/config/client-config-default.json'] as const;
const CONFIG_TIMEOUT_MS = 5_000;

/** The cookbook writes the key flat (`{"config.endpoint": …}`); a nested `{config: {endpoint}}` is read too. */
export function endpointOf(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const flat = (config as Record<string, unknown>)['config.endpoint'];
  const nested = (config as {config?: {endpoint?: unknown}}).config?.endpoint;
  const endpoint = typeof flat === 'string' ? flat : typeof nested === 'string' ? nested : undefined;
  return endpoint?.trim() || undefined;
}

async function readEndpoint(url: string, fetchImpl: typeof fetch): Promise<string | undefined> {
  try {
    const response = await fetchImpl(url, {credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS)});
    return response.ok ? endpointOf(JSON.parse(await response.text())) : undefined;
  } catch {
    // Missing, unreadable or not JSON: the next candidate decides.
    return undefined;
  }
}

export async function discoverApiBase(origin: string, fetchImpl: typeof fetch = fetch): Promise<AbiquoResult<string>> {
  const consoleOrigin = new URL(origin).origin;
  for (const file of CLIENT_CONFIG_FILES) {
    const endpoint = await readEndpoint(`${consoleOrigin}${file}`, fetchImpl);
    if (endpoint === undefined) continue;
    let url: URL;
    try {
      url = new URL(endpoint, consoleOrigin);
    } catch {
      continue;
    }
    if (url.origin !== consoleOrigin) return err('ABIQUO_API_CROSS_ORIGIN', {endpoint: url.origin, origin: consoleOrigin});
    return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
  }
  return ok(`${consoleOrigin}/api`);
}
