import {err, ok, type Result} from './result.ts';

/** An Abiquo console is self-hosted: the operator gives its URL, and we keep only its origin. */
export function parseConsoleOrigin(input: string): Result<string, 'ORIGIN_INVALID'> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('ORIGIN_INVALID');
  }
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
