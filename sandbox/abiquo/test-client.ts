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
        beforeRequest: [(request) => {
          if (jar.size) request.headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
        }],
        afterResponse: [(_request, _options, response) => {
          for (const header of response.headers.getSetCookie()) {
            state.setCookies.push(header);
            const [pair = ''] = header.split(';');
            const eq = pair.indexOf('=');
            jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
          }
        }],
      },
    }),
    login: (user, password) =>
      state.http.get(`${apiUrl}/login`, {headers: {Accept: mt('user'), Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`}}),
  };
  return state;
}

export const admin = (origin: string) => ky.create({prefixUrl: `${origin}/__sandbox`, retry: 0, timeout: 5000});
