/**
 * Enterprise properties are replaced whole by a PUT (Abiquo documents it), so a write is: re-read just before
 * writing, refuse if a key being written was changed by someone else since the operator saw it, merge, and PUT the
 * whole DTO back (id, links and unknown fields kept, every other property as freshly read). Keys are never removed.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import {PRIVILEGES} from './assumptions.ts';
import type {AbiquoHttp} from './http.ts';
import {findLink} from './links.ts';

export type PropertyMap = Readonly<Record<string, string>>;

export interface PropertiesDoc {
  /** The DTO as read, to be PUT back with only `properties` changed. */
  readonly dto: Readonly<Record<string, unknown>>;
  /** The raw map (values kept as the API sent them). */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly properties: PropertyMap;
  /** Where to PUT: the DTO's `edit` link, else where it was read from. */
  readonly editHref: string;
}

const op = {needs: PRIVILEGES.properties};

export function parseProperties(dto: unknown, readFrom: string): AbiquoResult<PropertiesDoc> {
  const raw = (dto as {properties?: unknown} | null)?.properties ?? {};
  if (typeof dto !== 'object' || dto === null || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err('ABIQUO_UNEXPECTED_RESPONSE', {expected: 'enterpriseproperties'});
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  return ok({
    dto: dto as Record<string, unknown>,
    raw: raw as Record<string, unknown>,
    properties: Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')])),
    editHref: findLink(dto, 'edit')?.href ?? readFrom,
  });
}

/** Keys about to be written whose stored value moved away from what the operator was shown. */
export function conflictingKeys(changes: PropertyMap, loaded: PropertyMap, fresh: PropertyMap): string[] {
  return Object.keys(changes)
    .filter((key) => fresh[key] !== loaded[key] && fresh[key] !== changes[key])
    .sort();
}

/** Every key whose value differs between two reads (added, changed or removed). */
export function changedKeys(before: PropertyMap, after: PropertyMap): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
}

/** The DTO to PUT: the fresh one, with `changes` laid over its fresh map. */
export function mergedDto(fresh: PropertiesDoc, changes: PropertyMap): Record<string, unknown> {
  return {...fresh.dto, properties: {...fresh.raw, ...changes}};
}

const conflict = (keys: readonly string[], extra: Record<string, string | number> = {}) =>
  err('ABIQUO_CONFLICT', {keys: keys.join(', '), count: keys.length, ...extra});

export async function readProperties(http: AbiquoHttp, href: string, signal: AbortSignal): Promise<AbiquoResult<PropertiesDoc>> {
  const answer = await http.get(href, 'enterpriseproperties', op, signal);
  return answer.ok ? parseProperties(answer.value, href) : answer;
}

/** The properties as stored after a write (or as found, when every value was already as asked). */
export interface PropertiesWritten {
  readonly stored: PropertyMap;
}

/**
 * Writes `changes` over the properties at `href`, as described at the top of this file. A 409 from the server
 * (someone wrote between our read and our PUT) is re-read once and reported as a conflict naming what changed,
 * never retried blindly.
 */
export async function applyProperties(
  http: AbiquoHttp,
  href: string,
  changes: PropertyMap,
  loaded: PropertyMap,
  signal: AbortSignal,
  /** Told the values the write replaces, just before the PUT: a PUT whose answer is lost may still have been done. */
  beforeWrite?: (before: Readonly<Record<string, unknown>>) => void,
): Promise<AbiquoResult<PropertiesWritten>> {
  const fresh = await readProperties(http, href, signal);
  if (!fresh.ok) return fresh;
  const conflicts = conflictingKeys(changes, loaded, fresh.value.properties);
  if (conflicts.length > 0) return conflict(conflicts);
  const before = fresh.value.raw;
  if (Object.entries(changes).every(([key, value]) => fresh.value.properties[key] === value)) return ok({stored: fresh.value.properties});

  beforeWrite?.(before);
  const written = await http.send('PUT', fresh.value.editHref, 'enterpriseproperties', mergedDto(fresh.value, changes), op, signal);
  if (!written.ok) {
    if (written.code !== 'ABIQUO_CONFLICT') return written;
    const again = await readProperties(http, href, signal);
    return again.ok ? conflict(changedKeys(fresh.value.properties, again.value.properties), {status: 409}) : again;
  }
  // The PUT answers the stored DTO; if it did not, read it back.
  const stored = written.value === undefined ? await readProperties(http, href, signal) : parseProperties(written.value, href);
  if (!stored.ok) return stored;
  const missing = Object.keys(changes).filter((key) => stored.value.properties[key] !== changes[key]);
  return missing.length > 0 ? err('ABIQUO_UNEXPECTED_RESPONSE', {notStored: missing.join(', ')}) : ok({stored: stored.value.properties});
}

/**
 * Undoes a write of `changes`: over a fresh read, each key still holding our value gets back the value it had
 * `before` (a key that did not exist is removed again); a key someone changed since keeps their value.
 */
export async function undoProperties(
  http: AbiquoHttp,
  href: string,
  changes: PropertyMap,
  before: Readonly<Record<string, unknown>>,
  signal: AbortSignal,
): Promise<AbiquoResult<void>> {
  const fresh = await readProperties(http, href, signal);
  if (!fresh.ok) return fresh;
  const ours = Object.keys(changes).filter((key) => fresh.value.properties[key] === changes[key] && fresh.value.raw[key] !== before[key]);
  if (ours.length === 0) return ok(undefined);
  const restored: Record<string, unknown> = {...fresh.value.raw};
  for (const key of ours) {
    if (key in before) restored[key] = before[key];
    else delete restored[key];
  }
  const written = await http.send('PUT', fresh.value.editHref, 'enterpriseproperties', {...fresh.value.dto, properties: restored}, op, signal);
  return written.ok ? ok(undefined) : written;
}
