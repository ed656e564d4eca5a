/**
 * Vendor media types: `application/vnd.abiquo.<name>+json; version=X.Y`. A request may name no version (it gets the
 * current one) or a supported one; an unknown version is 406 in Accept and 415 in Content-Type (Abiquo's API error
 * list).
 */
import {ApiError} from './errors.ts';
import {ASSUMED} from './assumptions.ts';

export const SUPPORTED_VERSIONS: readonly string[] = [
  '3.10',
  ...['4.0', '4.2', '4.4', '4.5', '4.6', '4.7'],
  ...['5.0', '5.1', '5.2', '5.3', '5.4'],
  ...['6.0', '6.1', '6.2'],
];

const GENERIC = new Set(['*/*', 'application/*', 'application/json', 'text/json', 'text/*']);
const VENDOR = /^application\/vnd\.abiquo\.([a-z0-9-]+)\+json$/;

interface MediaRange {
  type: string;
  version?: string;
}

function parseRange(text: string): MediaRange {
  const [type = '', ...params] = text.split(';').map((p) => p.trim());
  const version = params.map((p) => p.split('=').map((s) => s.trim())).find(([k]) => k?.toLowerCase() === 'version')?.[1];
  return {type: type.toLowerCase(), ...(version === undefined ? {} : {version: version.replace(/^"|"$/g, '')})};
}

export const vendorType = (name: string, version: string) => `application/vnd.abiquo.${name}+json; version=${version}`;

/** Picks the media type of the answer among `produces`; returns its name and version, or throws 406. */
export function negotiate(accept: string | undefined, produces: readonly string[], current: string): {name: string; version: string} {
  const fallback = {name: produces[0] ?? 'errors', version: current};
  if (!accept?.trim()) return fallback;
  for (const range of accept.split(',').map(parseRange)) {
    if (GENERIC.has(range.type)) return fallback;
    const name = VENDOR.exec(range.type)?.[1];
    if (!name || !produces.includes(name)) continue;
    if (range.version !== undefined && !SUPPORTED_VERSIONS.includes(range.version)) {
      throw new ApiError(406, ASSUMED.codes.notAcceptable, "Invalid version parameter for 'Accept' header");
    }
    return {name, version: range.version ?? current};
  }
  throw new ApiError(406, ASSUMED.codes.notAcceptable, `The resource cannot produce ${accept}`);
}

/** Checks the Content-Type of a request body against `consumes`; throws 415. */
export function checkContentType(contentType: string | undefined, consumes: readonly string[]): void {
  const range = parseRange(contentType ?? '');
  if (range.type === 'application/json') return;
  const name = VENDOR.exec(range.type)?.[1];
  if (!name || !consumes.includes(name)) {
    throw new ApiError(415, ASSUMED.codes.unsupportedMediaType, `Unsupported media type ${contentType ?? '(none)'}`);
  }
  if (range.version !== undefined && !SUPPORTED_VERSIONS.includes(range.version)) {
    throw new ApiError(415, ASSUMED.codes.unsupportedMediaType, "Invalid 'Content-type' version");
  }
}
