/**
 * For the Node tests: a ky client that keeps the `auth` cookie like a browser (one per simulated person), and a
 * plain one for the /__sandbox back door.
 */
import ky from 'ky';
import type {KyInstance, KyResponse} from 'ky';

export const mt = (name: string, version?: string) => `application/vnd.abiquo.${name}+json${version ? `; version=${version}` : ''}`;

export interface Browser {
  http: KyInstance;
  /** The cookies this "browser" holds, raw. */
  cookies(): Map<string, string>;
  setCookies: string[];
  login(user: string, password: string): Promise<KyResponse>;
}

export function browser(apiUrl: string): Browser {
  const jar = new Map<string, string>();
  const state: Browser = {
    setCookies: [],
    cookies: () => jar,
    http: ky.create({
      throwHttpErrors: false,
      retry: 0,
      timeout: 5000,
      hooks: {
        beforeRequest: [
          (request) => {
            if (jar.size) request.headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
          },
        ],
        afterResponse: [
          (_request, _options, response) => {
            for (const header of response.headers.getSetCookie()) {
              state.setCookies.push(header);
              const [pair = ''] = header.split(';');
              const eq = pair.indexOf('=');
              jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
            }
          },
        ],
      },
    }),
    login: (user, password) =>
      state.http.get(`${apiUrl}/login`, {headers: {Accept: mt('user'), Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`}}),
  };
  return state;
}

export const admin = (origin: string) => ky.create({prefixUrl: `${origin}/__sandbox`, retry: 0, timeout: 5000});

/** A browser logged in as `user`. */
export async function loggedIn(apiUrl: string, user: string, password: string): Promise<Browser> {
  const b = browser(apiUrl);
  const response = await b.login(user, password);
  if (response.status !== 200) throw new Error(`login as ${user}: ${response.status}`);
  return b;
}

/** Status and first error code of an answer, to compare in one assertion. */
export async function failure(response: KyResponse): Promise<[number, string | undefined]> {
  return [response.status, (await response.json<{collection?: {code: string}[]}>()).collection?.[0]?.code];
}
