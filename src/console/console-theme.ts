/**
 * The console's own look, read at run time from the computed styles of its elements: the enterprise dialog's Save
 * and Cancel buttons, the dialog body's text, a link, a text field. Returned as a small typed theme that
 * `applyConsoleTheme` sets on the tab's host as `--boa-*` custom properties (shared/theme.ts);
 * anything not found, not readable, or not readable enough (WCAG AA against the white the tab draws its controls
 * on) is left out, and the components keep their Bootstrap-3 fallback. Never throws.
 */
import {themeProperties, type Theme, type ThemeProperty} from '../shared/theme.ts';
import {query} from './query.ts';

export type {Theme as ConsoleTheme} from '../shared/theme.ts';

/**
 * Where the look is read. Only the primary button is a selector the adapter also relies on (`saveButton` in
 * selectors.ts); the others are optional hints, Bootstrap 2/3 class names (the 3.0 UI's stylesheets), tried in
 * order, and missing ones cost nothing but their part of the theme.
 */
const hints = {
  secondaryButton: ['.modal-footer .btn:not(.btn-primary):not(.btn-link)', '.modal-footer button:not([type="submit"])'],
  text: ['.modal-body', '.modal'],
  link: ['.modal-body a[href]:not(.btn):not([role="tab"])', '.nav-tabs > li:not(.active):not([data-boa-mounted]) > a'],
  input: ['.modal-body input[type="text"]', '.modal-body input:not([type])', '.modal-body select'],
} as const;

/** Text on the tab's white: 4.5:1 (WCAG 1.4.3); a field's border: 3:1 (1.4.11). */
const TEXT_CONTRAST = 4.5;
const BORDER_CONTRAST = 3;
const WHITE: Rgb = [255, 255, 255];

/**
 * Reads the console's look. `dialog` is the enterprise dialog the tab is mounted in; without it (the toolbar's
 * floating panel) the first primary button and modal of the page, if any, stand in, and the page's body gives the text.
 */
export function readConsoleTheme(page: Document, dialog?: Element): Theme {
  const theme: Theme = {};
  try {
    const scope: ParentNode = dialog ?? page.querySelector('.modal') ?? page;
    const view = page.defaultView;
    if (!view) return theme;
    const style = (element: Element | undefined) => (element ? view.getComputedStyle(element) : undefined);

    const primary = style(query(scope, 'saveButton') ?? page.querySelector('.btn-primary') ?? undefined);
    if (primary) {
      Object.assign(theme, readButton(primary, 'primary'));
      put(theme, 'buttonPadding', padding(primary));
      put(theme, 'buttonRadius', length(primary.borderTopLeftRadius, 0, 12));
    }
    Object.assign(theme, readButton(style(first(scope, hints.secondaryButton)), 'secondary'));

    const text = style(first(scope, hints.text) ?? page.body ?? undefined);
    if (text) {
      put(theme, 'fontFamily', text.fontFamily.trim() || undefined);
      put(theme, 'fontSize', length(text.fontSize, 11, 18));
      put(theme, 'textColor', readable(text.color, WHITE, TEXT_CONTRAST));
    }
    const link = style(first(scope, hints.link));
    if (link) put(theme, 'linkColor', readable(link.color, WHITE, TEXT_CONTRAST));

    const input = style(first(scope, hints.input));
    if (input && input.borderTopStyle !== 'none' && parseFloat(input.borderTopWidth) > 0) {
      put(theme, 'inputBorderColor', readable(input.borderTopColor, WHITE, BORDER_CONTRAST));
      put(theme, 'inputRadius', length(input.borderTopLeftRadius, 0, 12));
    }
  } catch {
    // A console we do not know: whatever was read so far, the fallback look for the rest.
  }
  return prune(theme);
}

/** Sets the theme on `host` as its `--boa-*` custom properties (inherited by every boa- element inside). */
export function applyConsoleTheme(host: HTMLElement, theme: Theme): void {
  for (const [name, value] of Object.entries(theme) as [ThemeProperty, string | undefined][]) {
    if (value) host.style.setProperty(themeProperties[name], value);
  }
}

/** The theme `applyConsoleTheme` set on `host` (a tab that floats on after its dialog closed keeps its dialog's look). */
export function appliedConsoleTheme(host: HTMLElement): Theme {
  const entries = (Object.entries(themeProperties) as [ThemeProperty, string][]).map(([name, property]) => [
    name,
    host.style.getPropertyValue(property).trim(),
  ]);
  return Object.fromEntries(entries.filter(([, value]) => value)) as Theme;
}

function first(scope: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return undefined;
}

/** A button's colours, only as a readable pair: an unreadable or see-through one (a gradient, say) is skipped. */
/** Sets a part of the theme only when it was read (what was not stays out, for the fallback to apply). */
function put(theme: Theme, property: ThemeProperty, value: string | undefined): void {
  if (value !== undefined) theme[property] = value;
}

function readButton(style: CSSStyleDeclaration | undefined, kind: 'primary' | 'secondary'): Theme {
  if (!style) return {};
  const bg = opaque(style.backgroundColor);
  const fg = bg && readable(style.color, bg, TEXT_CONTRAST);
  if (!bg || !fg) return {};
  const border = style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0 ? style.backgroundColor : style.borderTopColor;
  const borderShown = parseColor(border) ? border : undefined;
  const theme: Theme =
    kind === 'primary' ? {primaryBg: style.backgroundColor, primaryFg: style.color} : {secondaryBg: style.backgroundColor, secondaryFg: style.color};
  put(theme, kind === 'primary' ? 'primaryBorder' : 'secondaryBorder', borderShown);
  return theme;
}

function padding(style: CSSStyleDeclaration): string | undefined {
  const sides = [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].map((side) => length(side, 0, 24));
  return sides.every(Boolean) ? sides.join(' ') : undefined;
}

/** A computed length in px within bounds (a console-sized button or text), else nothing. */
function length(value: string, min: number, max: number): string | undefined {
  const match = /^(\d+(?:\.\d+)?)px$/.exec(value.trim());
  if (!match) return undefined;
  const px = Number(match[1]);
  return px >= min && px <= max ? `${px}px` : undefined;
}

type Rgb = readonly [number, number, number];

/** `rgb()`/`rgba()` as computed styles give them; other colour syntaxes are not judged, so not used. */
function parseColor(value: string): {rgb: Rgb; alpha: number} | undefined {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!match) return undefined;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  return {rgb: [Number(match[1]), Number(match[2]), Number(match[3])], alpha};
}

function opaque(value: string): Rgb | undefined {
  const color = parseColor(value);
  return color && color.alpha >= 1 ? color.rgb : undefined;
}

/** `value` if it is opaque and has `ratio` against `background`. */
function readable(value: string, background: Rgb, ratio: number): string | undefined {
  const color = opaque(value);
  return color && contrast(color, background) >= ratio ? value : undefined;
}

/** WCAG 2 contrast ratio of two sRGB colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function prune(theme: Theme): Theme {
  return Object.fromEntries(Object.entries(theme).filter(([, value]) => value !== undefined)) as Theme;
}
