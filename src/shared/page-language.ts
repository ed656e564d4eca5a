import {createTranslator, pickLanguage, type Translate} from './i18n.ts';

/** Extension pages (options, popup) follow the browser's language; the tab follows the console user's. */
export function pageTranslator(): Translate {
  const language = pickLanguage(undefined, [chrome.i18n.getUILanguage(), ...navigator.languages]);
  document.documentElement.lang = language;
  return createTranslator(language);
}
