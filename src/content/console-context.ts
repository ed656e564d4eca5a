/**
 * What every dialog of this console shares: the API base, the HTTP client riding the console's session, and
 * the language of the console's user. Read once; read again after a failure (e.g. the operator logged in later).
 */
import {discoverApiBase} from '../abiquo/api-base.ts';
import {createHttp, type AbiquoHttp} from '../abiquo/http.ts';
import {readLogin} from '../abiquo/login.ts';
import {createTranslator, pickLanguage, type Translate} from '../shared/i18n.ts';

export interface ConsoleContext {
  readonly apiBase: string;
  readonly http: AbiquoHttp;
  readonly language: string;
  readonly t: Translate;
}

/** Before the console user is known, the tab speaks the browser's language. */
export function browserContextLanguage(): string {
  return pickLanguage(undefined, navigator.languages);
}

let pending: Promise<ConsoleContext> | undefined;

async function readContext(): Promise<ConsoleContext> {
  const base = await discoverApiBase(location.origin);
  const apiBase = base.ok ? base.value : `${location.origin}/api`;
  const http = createHttp({apiBase});
  const login = await readLogin(http, AbortSignal.timeout(15_000));
  const language = pickLanguage(login.ok ? login.value.locale : undefined, navigator.languages);
  if (!login.ok) pending = undefined; // not logged in yet, or expired: ask again next time
  return {apiBase, http, language, t: createTranslator(language)};
}

export function consoleContext(): Promise<ConsoleContext> {
  pending ??= readContext();
  return pending;
}
