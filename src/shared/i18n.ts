import en from '../../locales/en/messages.json' with {type: 'json'};
import es from '../../locales/es/messages.json' with {type: 'json'};

/** Every key of the English catalogue: the source of truth for `t()`'s key union. */
export type MessageKey = keyof typeof en;
export type Substitutions = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
export type Translate = (key: MessageKey, subs?: Substitutions) => string;

type Catalogue = Record<string, {message: string}>;
const catalogues: Record<string, Catalogue> = {en, es};
export const supportedLanguages = Object.keys(catalogues);

/**
 * Picks the catalogue for a console locale (`es_ES`, `es-419`, `en_US`…), falling back to the browser's
 * languages and then English.
 */
export function pickLanguage(consoleLocale: string | undefined, browserLanguages: readonly string[] = []): string {
  for (const candidate of [consoleLocale, ...browserLanguages]) {
    const language = candidate?.toLowerCase().split(/[-_]/)[0];
    if (language && language in catalogues) return language;
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
export function createTranslator(language: string): Translate {
  const catalogue = catalogues[language] ?? catalogues.en!;
  return (key, subs = {}) => {
    const message = catalogue[key]?.message ?? catalogues.en![key]?.message ?? key;
    const lowered = new Map(Object.entries(subs).map(([name, value]) => [name.toLowerCase(), format(value)]));
    return message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => lowered.get(name.toLowerCase()) ?? whole).replace(/\$\$/g, '$');
  };
}
