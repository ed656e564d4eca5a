import {err, ok, type Result} from './result.ts';

/** The loopback hosts the manifest's optional permissions name (an origin the browser could never grant is refused). */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * An Abiquo console is self-hosted: the operator gives its URL, and we keep only its origin. Plain http is refused
 * except on loopback (tests, the sandbox): the tab sends AWS secrets to the console.
 */
export function parseConsoleOrigin(input: string): Result<string, 'ORIGIN_INVALID' | 'ORIGIN_INSECURE'> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('ORIGIN_INVALID');
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return err('ORIGIN_INSECURE', {origin: url.origin});
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err('ORIGIN_INVALID');
  return ok(url.origin);
}

/** Host match pattern for an origin; Chrome and Firefox ignore ports in host permissions. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** `storage.session` item naming the console whose permission a page is requesting (see `enable-console.ts`). */
export const pendingConsoleItem = 'pendingConsole';
