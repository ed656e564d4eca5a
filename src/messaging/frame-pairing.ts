/**
 * The handshake between the content script and a frame of ours it embeds (key entry, billing preview): the port's
 * one-time token, the language and the tab's look, each value of which is checked before the frame uses it.
 */
import {themeProperties, type Theme} from '../shared/theme.ts';

/** The handshake the content script posts to a frame of ours with the port; `theme` is the tab's look, for the frame. */
export interface FramePairing {
  readonly boa: 'frame-pair';
  readonly token: string;
  readonly language: string;
  readonly theme: Theme;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isFramePairing(value: unknown): value is FramePairing {
  return isObject(value) && value.boa === 'frame-pair' && typeof value.token === 'string' && typeof value.language === 'string' && isTheme(value.theme);
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
