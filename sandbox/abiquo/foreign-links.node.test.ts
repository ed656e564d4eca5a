import assert from 'node:assert/strict';
import {after, before, beforeEach, test} from 'node:test';
import {LINKED_KEYS} from '../aws/demo-keys.ts';
import {startSandbox} from '../server.ts';
import type {Sandbox} from '../server.ts';
import {Store} from './store.ts';
import {loggedIn, mt} from './test-client.ts';

const BASE = 'http://abiquo-api.internal:9009/api';
const STANDARD = 43;
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({scenario: 'foreign-links'});
});
after(() => sandbox.close());
beforeEach(() => sandbox.abiquo.reset());

/** Every `href` anywhere in an answer. */
function hrefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(hrefs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'href' && typeof v === 'string' ? [v] : hrefs(v)));
}

/** What a client that knows the API's real endpoint does with a link: same path, on the sandbox. */
const local = (href: string) => sandbox.apiUrl + href.slice(BASE.length);
const json = (name: string) => ({headers: {Accept: mt(name), 'Content-Type': mt(name)}});

test('every href the API writes names the link base: login, paged lists, enterprise, properties, credentials, scopes', async () => {
  const b = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const get = (path: string, type: string) => b.http.get(`${sandbox.apiUrl}${path}`, {headers: {Accept: mt(type)}}).json<unknown>();
  const created = await b.http.post(`${sandbox.apiUrl}/admin/enterprises/${STANDARD}/credentials`, {
    ...json('publiccloudcredentials'),
    json: {
      access: LINKED_KEYS[0].accessKeyId,
      key: LINKED_KEYS[0].secretAccessKey,
      links: [{rel: 'hypervisortype', href: `${BASE}/config/hypervisortypes/AMAZON`}],
    },
  });
  assert.equal(created.status, 201);
  const answers = [
    await get('/login?expand=privileges', 'user'),
    await get('/admin/enterprises?limit=2', 'enterprises'),
    await get('/admin/enterprises/42', 'enterprise'),
    await get('/admin/enterprises/42/properties', 'enterpriseproperties'),
    await created.json<unknown>(),
    await get('/admin/scopes', 'scopes'),
    await get('/config/hypervisortypes', 'hypervisortypes'),
  ];
  const all = answers.flatMap(hrefs);
  assert.ok(all.length > 50);
  assert.deepEqual(
    all.filter((href) => !href.startsWith(`${BASE}/`)),
    [],
  );
});

test('the paths stay the sandbox’s: a link followed on the sandbox’s own origin answers', async () => {
  const b = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const page = await b.http
    .get(`${sandbox.apiUrl}/admin/enterprises?limit=2`, {headers: {Accept: mt('enterprises')}})
    .json<{links: {rel: string; href: string}[]}>();
  const next = page.links.find((l) => l.rel === 'next')?.href ?? '';
  assert.equal(next, `${BASE}/admin/enterprises?startwith=2&limit=2&by=name`);
  assert.equal((await b.http.get(local(next), {headers: {Accept: mt('enterprises')}})).status, 200);
});

test('links on the link base are understood in request bodies (the default-scope link of a PUT)', async () => {
  const b = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const enterprise = await b.http
    .get(`${sandbox.apiUrl}/admin/enterprises/${STANDARD}`, {headers: {Accept: mt('enterprise')}})
    .json<{links: {rel: string; href: string}[]}>();
  const edit = enterprise.links.find((l) => l.rel === 'edit')?.href ?? '';
  const links = [...enterprise.links.filter((l) => l.rel !== 'scope'), {rel: 'scope', href: `${BASE}/admin/scopes/2`}];
  const response = await b.http.put(local(edit), {...json('enterprise'), json: {...enterprise, links}});
  assert.equal(response.status, 200);
  const updated = await response.json<{links: {rel: string; href: string}[]}>();
  assert.equal(updated.links.find((l) => l.rel === 'scope')?.href, `${BASE}/admin/scopes/2`);
});

test('a link base on another path than /api is refused when the scenario loads', () => {
  assert.throws(() => new Store({linkBase: 'http://abiquo-api.internal:9009/abiquo'}), /must end in \/api/);
});
