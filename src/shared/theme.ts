/**
 * The console's look, as CSS custom properties set on the tab's host (src/console/console-theme.ts reads them from
 * the console's own elements at run time). They inherit into every boa- element's shadow root; where one is not set
 * (tests, the options page, a console without those elements) the tokens of components/shared/theme-styles.ts fall back to today's
 * Bootstrap-3 look.
 */
export const themeProperties = {
  /** The dialog's Save (primary) button. */
  primaryBg: '--boa-primary-bg',
  primaryFg: '--boa-primary-fg',
  primaryBorder: '--boa-primary-border',
  /** The dialog's other footer button (Cancel): every button of ours that is not the primary one. */
  secondaryBg: '--boa-secondary-bg',
  secondaryFg: '--boa-secondary-fg',
  secondaryBorder: '--boa-secondary-border',
  buttonPadding: '--boa-button-padding',
  buttonRadius: '--boa-button-radius',
  /** The dialog body's text. */
  fontFamily: '--boa-font-family',
  fontSize: '--boa-font-size',
  textColor: '--boa-text-color',
  linkColor: '--boa-link-color',
  /** The dialog's own text fields. */
  inputBorderColor: '--boa-input-border-color',
  inputRadius: '--boa-input-radius',
} as const;

export type ThemeProperty = keyof typeof themeProperties;
/** What was read of the console's look; a property left out keeps the fallback. */
export type Theme = Partial<Record<ThemeProperty, string>>;
