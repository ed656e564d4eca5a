/**
 * What every dialog of this console shares: the API base, the HTTP client riding the console's session, and
 * the language of the console's user with its catalogue. Read once; read again after a failure (e.g. the
 * operator logged in later).
 */
import {discoverApiBase} from '../abiquo/api-base.ts';
import {createHttp, type AbiquoHttp} from '../abiquo/http.ts';
import {readLogin} from '../abiquo/login.ts';
import {sendRequest} from '../messaging/client.ts';
import {pickLanguage, translator, type Language, type Translate} from '../shared/translate.ts';

export interface ConsoleContext {
  readonly apiBase: string;
  readonly http: AbiquoHttp;
  readonly language: Language;
  readonly t: Translate;
}

/** Until the console user's catalogue arrives, the browser's language through `chrome.i18n`. */
export const browserTranslate: Translate = (key) => chrome.i18n.getMessage(key) || key;

let pending: Promise<ConsoleContext> | undefined;

async function readContext(): Promise<ConsoleContext> {
  const base = await discoverApiBase(location.origin);
  const apiBase = base.ok ? base.value : `${location.origin}/api`;
  const http = createHttp({apiBase});
  // No signal of our own: the client's timeout answers a slow login with a value, and this must never reject.
  const login = await readLogin(http, new AbortController().signal);
  const language = pickLanguage(login.ok ? login.value.locale : undefined, navigator.languages);
  if (!login.ok) pending = undefined; // not logged in yet, or expired: ask again next time
  const catalogue = await sendRequest('i18n/catalogue', {language});
  return {apiBase, http, language, t: catalogue.ok ? translator(catalogue.value.messages) : browserTranslate};
}

export function consoleContext(): Promise<ConsoleContext> {
  pending ??= readContext();
  return pending;
}
