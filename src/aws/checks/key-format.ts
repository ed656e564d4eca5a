/** Local checks of a key pair: nothing is sent to AWS for keys that fail here. */
import {KEY_ID, KEY_ID_CHARACTER, KEY_ID_LENGTH, KEY_ID_PREFIX, SECRET, SECRET_CHARACTER, SECRET_LENGTH} from '../../shared/key-shapes.ts';
import {maskKeyId} from '../../shared/mask.ts';
import type {AwsKeys, Check} from '../types.ts';

// AWS documents 16–128 word characters; real IDs are 20 (a prefix and 16 base-32 characters): anything else in
// that range is a typo.
const SECRET_LIKE = /^[A-Za-z0-9/+=]{30,}$/;
// A letter or digit of another script (Cyrillic А, Greek Α, full-width Ａ…): it reads as a Latin one, but is not.
const FOREIGN_ALNUM = /[^\x00-\x7f]/u;
const ALNUM = /[\p{L}\p{N}]/u;

const CYRILLIC = [
  'A',
  'BE',
  'VE',
  'GHE',
  'DE',
  'IE',
  'ZHE',
  'ZE',
  'I',
  'SHORT I',
  'KA',
  'EL',
  'EM',
  'EN',
  'O',
  'PE',
  'ER',
  'ES',
  'TE',
  'U',
  'EF',
  'HA',
  'TSE',
  'CHE',
  'SHA',
  'SHCHA',
  'HARD SIGN',
  'YERU',
  'SOFT SIGN',
  'E',
  'YU',
  'YA',
];
const CYRILLIC_EXTRA: Record<number, string> = {0x05: 'DZE', 0x06: 'BYELORUSSIAN-UKRAINIAN I', 0x08: 'JE'};
const GREEK = [
  'ALPHA',
  'BETA',
  'GAMMA',
  'DELTA',
  'EPSILON',
  'ZETA',
  'ETA',
  'THETA',
  'IOTA',
  'KAPPA',
  'LAMDA',
  'MU',
  'NU',
  'XI',
  'OMICRON',
  'PI',
  'RHO',
  'FINAL SIGMA',
  'SIGMA',
  'TAU',
  'UPSILON',
  'PHI',
  'CHI',
  'PSI',
  'OMEGA',
];
const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** The Unicode name of the characters most often mistaken for Latin capitals and digits; undefined for others. */
function unicodeName(code: number): string | undefined {
  const within = (from: number, length: number) => code >= from && code < from + length;
  if (within(0x0410, 32)) return `CYRILLIC CAPITAL LETTER ${CYRILLIC[code - 0x0410]}`;
  if (within(0x0430, 32)) return `CYRILLIC SMALL LETTER ${CYRILLIC[code - 0x0430]}`;
  if (within(0x0400, 16) && CYRILLIC_EXTRA[code - 0x0400]) return `CYRILLIC CAPITAL LETTER ${CYRILLIC_EXTRA[code - 0x0400]}`;
  if (within(0x0450, 16) && CYRILLIC_EXTRA[code - 0x0450]) return `CYRILLIC SMALL LETTER ${CYRILLIC_EXTRA[code - 0x0450]}`;
  // U+03A2 is unassigned (there is no capital final sigma).
  if (within(0x0391, 25) && code !== 0x03a2) return `GREEK CAPITAL LETTER ${GREEK[code - 0x0391]}`;
  if (within(0x03b1, 25)) return `GREEK SMALL LETTER ${GREEK[code - 0x03b1]}`;
  if (within(0xff10, 10)) return `FULLWIDTH DIGIT ${DIGITS[code - 0xff10]}`;
  if (within(0xff21, 26)) return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(code - 0xff21 + 65)}`;
  if (within(0xff41, 26)) return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(code - 0xff41 + 65)}`;
  return undefined;
}

/** `А (U+0410 CYRILLIC CAPITAL LETTER A)`: the character, its code point and, when known, its Unicode name. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  const name = unicodeName(code);
  return `${character} (U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''})`;
}

/** 1-based position (in characters, not UTF-16 units) of the first character `allowed` refuses; 0 when none. */
function firstRefused(chars: readonly string[], allowed: RegExp): number {
  return chars.findIndex((c) => !allowed.test(c)) + 1;
}

/** What is wrong with a malformed key ID, most telling fault first. */
function keyIdProblem(id: string): Check {
  const fail = (code: Check['code'], facts: Check['facts'] = {}): Check => ({code, status: 'fail', field: 'accessKeyId', facts});
  const chars = Array.from(id);
  // A non-Latin letter or digit cannot come from a secret (base 64 is ASCII), so it may be shown.
  const foreign = chars.findIndex((c) => FOREIGN_ALNUM.test(c) && ALNUM.test(c));
  if (foreign >= 0) return fail('KEY_ID_LOOKALIKE', {character: describeCharacter(chars[foreign]!), position: foreign + 1});
  if (KEY_ID.test(id.toUpperCase())) return fail('KEY_ID_LOWERCASE');
  if (chars.length !== KEY_ID_LENGTH) return fail('KEY_ID_MALFORMED', {length: chars.length});
  const refused = firstRefused(chars, KEY_ID_CHARACTER);
  if (refused > 0) return fail('KEY_ID_CHARACTER', {position: refused});
  return fail('KEY_ID_PREFIX');
}

/** What is wrong with a malformed secret: by position or length only, never by what was typed. */
function secretProblem(secret: string): Check | undefined {
  const fail = (code: Check['code'], facts: Check['facts']): Check => ({code, status: 'fail', field: 'secretAccessKey', facts});
  // A URL-decoded paste turns each `+` into a space; nothing else changes.
  if (secret.includes(' ') && SECRET.test(secret.replaceAll(' ', '+'))) return fail('SECRET_SPACE', {position: secret.indexOf(' ') + 1});
  if (secret.length === SECRET_LENGTH) return fail('SECRET_CHARACTER', {position: firstRefused(Array.from(secret), SECRET_CHARACTER)});
  return undefined;
}

export function checkKeyFormat(keys: AwsKeys): Check[] {
  const {accessKeyId: id, secretAccessKey: secret} = keys;
  const fails: Check[] = [];
  if (!id) fails.push({code: 'KEY_ID_MISSING', status: 'fail', field: 'accessKeyId', facts: {}});
  if (!secret) fails.push({code: 'SECRET_MISSING', status: 'fail', field: 'secretAccessKey', facts: {}});
  if (fails.length > 0) return fails;
  if (KEY_ID.test(secret) || (SECRET_LIKE.test(id) && !KEY_ID_PREFIX.test(id))) {
    return [{code: 'KEYS_SWAPPED', status: 'fail', field: 'accessKeyId', facts: {}}];
  }
  // Never echo what was typed: it may be a secret pasted into the wrong field.
  if (!KEY_ID.test(id)) fails.push(keyIdProblem(id));
  if (!SECRET.test(secret)) {
    const problem = secretProblem(secret);
    if (problem) fails.push(problem);
    else fails.push({code: 'SECRET_MALFORMED', status: 'fail', field: 'secretAccessKey', facts: {length: secret.length}});
  }
  if (fails.length > 0) return fails;
  const facts = {accessKeyId: maskKeyId(id)};
  if (id.startsWith('ASIA')) return [{code: 'KEY_ID_TEMPORARY', status: 'warn', field: 'accessKeyId', facts}];
  return [{code: 'KEY_FORMAT_OK', status: 'pass', field: 'accessKeyId', facts}];
}
