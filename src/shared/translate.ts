/**
 * Translation without the catalogues: the content script receives only its user's catalogue from the worker,
 * so it does not carry every language (`i18n.ts` bundles them for extension pages and tests).
 */
import type en from '../../locales/en/messages.json';

/** Every key of the English catalogue: the source of truth for `t()`'s key union. */
export type MessageKey = keyof typeof en;
export type Substitutions = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
export type Translate = (key: MessageKey, subs?: Substitutions) => string;
export type Catalogue = Readonly<Record<string, {readonly message: string}>>;

/** The folders of `locales/` (a convention test keeps this list and the folders equal). */
export const supportedLanguages = ['en', 'es'] as const;
export type Language = (typeof supportedLanguages)[number];

export function isLanguage(value: unknown): value is Language {
  return (supportedLanguages as readonly unknown[]).includes(value);
}

/**
 * Picks the language for a console locale (`es_ES`, `es-419`, `en_US`…), falling back to the browser's
 * languages and then English.
 */
export function pickLanguage(consoleLocale: string | undefined, browserLanguages: readonly string[] = []): Language {
  for (const candidate of [consoleLocale, ...browserLanguages]) {
    const language = candidate?.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(language)) return language;
  }
  return 'en';
}

function format(value: Substitutions[string]): string {
  if (Array.isArray(value)) return value.join(', ');
  return String(value ?? '');
}

/**
 * Messages use Chrome's `$NAME$` placeholders; names match the keys of `subs` case-insensitively, so a check's
 * `facts` can be passed as they are.
 */
export function translator(catalogue: Catalogue): Translate {
  return (key, subs = {}) => {
    const message = catalogue[key]?.message ?? key;
    const lowered = new Map(Object.entries(subs).map(([name, value]) => [name.toLowerCase(), format(value)]));
    // One pass over the template: `$$` is a literal `$` there, while substituted values are never read again.
    return message.replace(/\$\$|\$([A-Za-z0-9_]+)\$/g, (whole, name: string | undefined) =>
      name === undefined ? '$' : (lowered.get(name.toLowerCase()) ?? whole),
    );
  };
}
