import type {Catalogue, Language} from '../shared/translate.ts';

/** Reads a catalogue shipped in the package (`_locales/`), keeping only the message texts. */
export async function readCatalogue(language: Language): Promise<Catalogue> {
  const response = await fetch(chrome.runtime.getURL(`_locales/${language}/messages.json`));
  const full = (await response.json()) as Record<string, {message: string}>;
  return Object.fromEntries(Object.entries(full).map(([key, {message}]) => [key, {message}]));
}
