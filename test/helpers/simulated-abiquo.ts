/**
 * Node-test support for the Abiquo client (imported by *.node.test.ts only, never by the extension): the
 * simulated Abiquo API on a loopback port, and a `fetch` that does what the browser does for the content script —
 * carry the console's `auth` cookie — after one Basic-auth `GET /api/login`. Every request and answer is recorded
 * so tests can assert where a secret did (not) travel.
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {AbiquoApi} from '../../sandbox/abiquo/api.ts';
import {ADMIN_PREFIX, handleAdmin} from '../../sandbox/abiquo/sandbox-admin.ts';
import type {AbiquoScenario} from '../../sandbox/abiquo/scenario-types.ts';

export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string;
  readonly status: number;
  readonly responseBody: string;
}

export interface SimulatedAbiquo {
  readonly origin: string;
  readonly apiBase: string;
  readonly api: AbiquoApi;
  /** The test process's back door: faults, raw state, changes by "someone else". */
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  /** A fetch logged in as `user` (Basic once, then the `auth` cookie), recording every exchange. */
  session(user: string, password: string): Promise<{fetch: typeof fetch; log: Exchange[]}>;
  close(): Promise<void>;
}

export async function startSimulatedAbiquo(scenario: AbiquoScenario): Promise<SimulatedAbiquo> {
  const api = new AbiquoApi(scenario);
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const handled = pathname.startsWith(`${ADMIN_PREFIX}/`) ? handleAdmin(api, req, res) : api.handle(req, res);
    handled.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiBase = `${origin}/api`;

  return {
    origin,
    apiBase,
    api,
    async admin(method, path, body) {
      const response = await fetch(`${origin}${ADMIN_PREFIX}${path}`, {method, ...(body === undefined ? {} : {body: JSON.stringify(body)})});
      if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: ${response.status}`);
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async session(user, password) {
      const login = await fetch(`${apiBase}/login`, {
        headers: {Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, Accept: 'application/vnd.abiquo.user+json'},
      });
      const cookie = login.headers
        .getSetCookie()
        .find((c) => c.startsWith('auth='))
        ?.split(';')[0];
      if (!login.ok || !cookie) throw new Error(`login as ${user} failed: ${login.status}`);
      const log: Exchange[] = [];
      const sessionFetch: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        const requestBody = request.body ? await request.clone().text() : '';
        const headers = new Headers(request.headers);
        headers.set('Cookie', cookie);
        const response = await fetch(new Request(request, {headers}));
        log.push({
          method: request.method,
          url: request.url,
          requestHeaders: Object.fromEntries(headers),
          requestBody,
          status: response.status,
          responseBody: await response.clone().text(),
        });
        return response;
      };
      return {fetch: sessionFetch, log};
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Test keys: obviously fake, as the house rules require. */
export const KEYS = {
  pricing: {accessKeyId: 'AKIAPRICINGUSEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'},
  pricingRotated: {accessKeyId: 'AKIAROTATEDKYEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEROT'},
  linked: {accessKeyId: 'AKIALINKEDAEXAMPLE22', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEA'},
  linkedOther: {accessKeyId: 'AKIALINKEDBEXAMPLE33', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEB'},
} as const;

/** Many standard enterprises in the keynode's scope, so listing needs more than one page (default limit 25). */
const FILLERS = Object.fromEntries(Array.from({length: 27}, (_, i) => [`filler-${i}`, {name: `Filler ${String(i).padStart(2, '0')}`, defaultScope: 'acme'}]));

/**
 * A reseller, its keynode (with other people's properties), a keynode scope with one datacenter, linked accounts
 * with and without AMAZON credentials, and users with and without the credentials privileges.
 */
export const SCENARIO: AbiquoScenario = {
  apiVersion: '6.2',
  roles: {
    admin: {name: 'CLOUD_ADMIN', privileges: 'ALL'},
    'no-pricing': {
      name: 'ENTERPRISE_ADMIN',
      privileges: ['ENTERPRISE_ENUMERATE', 'ENTERPRISE_ADMINISTER_ALL', 'USERS_MANAGE_ENTERPRISE', 'USERS_VIEW', 'USERS_MANAGE_CREDENTIALS'],
    },
  },
  scopes: {
    global: {id: 1, name: 'Global scope'},
    acme: {
      id: 7,
      name: 'Acme billing',
      parent: 'global',
      enterprises: ['keynode', 'reseller', 'linked-a', 'linked-b', 'elsewhere', ...Object.keys(FILLERS)],
      datacenters: [3],
    },
    other: {id: 8, name: 'Other', parent: 'global', enterprises: ['other-standard']},
  },
  enterprises: {
    reseller: {id: 40, name: 'Acme Reseller', reseller: true, defaultScope: 'acme'},
    keynode: {
      id: 42,
      name: 'Acme Keynode',
      keyNode: true,
      defaultScope: 'acme',
      properties: {support_contact: 'ops@example.com', amazon_bucket: 'old-bucket', cost_center: 'CC-17'},
    },
    'linked-a': {
      id: 50,
      name: 'Retail',
      defaultScope: 'acme',
      credentials: {AMAZON: {access: 'AKIAEXISTINGAEXAMPLE', key: 'existing/secret/for/retail/EXAMPLEKEY000'}},
    },
    'linked-b': {id: 51, name: 'Analytics', defaultScope: 'acme'},
    /** Activated in the keynode's scope but defaulting to another: not a linked account. */
    elsewhere: {id: 52, name: 'Elsewhere', defaultScope: 'other'},
    'other-standard': {id: 60, name: 'Other standard', defaultScope: 'other'},
    ...FILLERS,
  },
  users: {
    admin: {password: 'admin-password', enterprise: 'reseller', role: 'admin', locale: 'es_ES'},
    operator: {password: 'operator-password', enterprise: 'reseller', role: 'no-pricing'},
  },
};
