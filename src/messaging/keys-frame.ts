/** The messages between the content script and the key-entry frame, over their MessagePort. */
import type {AwsKeys} from '../aws/types.ts';
import type {KeyEntryState} from '../components/services.ts';
import {themeProperties, type Theme} from '../shared/theme.ts';

/** To the frame: what to show, and the form's actions. */
export type KeysFrameIn = {readonly type: 'state'; readonly state: KeyEntryState} | {readonly type: 'clear'} | {readonly type: 'focus'};

/** From the frame: the keys entered (undefined once emptied), and its content's height. */
export type KeysFrameOut =
  {readonly type: 'ready'} | {readonly type: 'keys'; readonly keys: AwsKeys | undefined} | {readonly type: 'height'; readonly height: number};

/** The handshake the content script posts to the frame with the port; `theme` is the tab's look, for the form. */
export interface KeysFramePairing {
  readonly boa: 'keys-pair';
  readonly token: string;
  readonly language: string;
  readonly theme: Theme;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isKeys = (value: unknown): value is AwsKeys =>
  isObject(value) && typeof value.accessKeyId === 'string' && typeof value.secretAccessKey === 'string' && Object.keys(value).length === 2;

export function isKeysFrameOut(value: unknown): value is KeysFrameOut {
  if (!isObject(value)) return false;
  if (value.type === 'ready') return Object.keys(value).length === 1;
  if (value.type === 'keys') return value.keys === undefined || isKeys(value.keys);
  return value.type === 'height' && typeof value.height === 'number' && Number.isFinite(value.height);
}

export function isKeysFrameIn(value: unknown): value is KeysFrameIn {
  if (!isObject(value)) return false;
  if (value.type === 'clear' || value.type === 'focus') return true;
  if (value.type !== 'state' || !isObject(value.state)) return false;
  const {heading, errors, expectedUserName} = value.state;
  return typeof heading === 'string' && isObject(errors) && (expectedUserName === undefined || typeof expectedUserName === 'string');
}

export function isKeysFramePairing(value: unknown): value is KeysFramePairing {
  return isObject(value) && value.boa === 'keys-pair' && typeof value.token === 'string' && typeof value.language === 'string' && isTheme(value.theme);
}

/** Plain colours, lengths and font names: no declaration, block, comment, escape, markup or line break. */
const SAFE_THEME_CHARACTERS = /^[\w #%.,'"+\-/()]{1,200}$/;
const COLOUR_FUNCTIONS: readonly string[] = ['rgb', 'rgba'];

/**
 * A theme value the frame may set as a custom property. The frame is the secret's side, and these values come from
 * computed styles the console page can influence: only the characters of colours, lengths and font names pass, and
 * no function but `rgb()`/`rgba()` (no `url()`, `image-set()`, `var()`, `attr()`...). A font name in other
 * characters is refused too: the form keeps its fallback font.
 */
export function isSafeThemeValue(value: unknown): value is string {
  if (typeof value !== 'string' || !SAFE_THEME_CHARACTERS.test(value)) return false;
  return [...value.matchAll(/([\w-]*)\(/g)].every(([, name]) => COLOUR_FUNCTIONS.includes(name!));
}

/** Only the known theme properties, each a safe value. */
export function isTheme(value: unknown): value is Theme {
  return isObject(value) && !Array.isArray(value) && Object.entries(value).every(([name, v]) => Object.hasOwn(themeProperties, name) && isSafeThemeValue(v));
}
