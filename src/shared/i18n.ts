/** Translation with every catalogue bundled: for extension pages (options, popup) and tests. */
import en from '../../locales/en/messages.json' with {type: 'json'};
import es from '../../locales/es/messages.json' with {type: 'json'};
import {translator, type Catalogue, type Language} from './translate.ts';

export {pickLanguage, supportedLanguages, translator} from './translate.ts';
export type {Catalogue, Language, MessageKey, Substitutions, Translate} from './translate.ts';

export const catalogues: Readonly<Record<Language, Catalogue>> = {en, es};

export function createTranslator(language: string) {
  return translator(catalogues[language as Language] ?? catalogues.en);
}
