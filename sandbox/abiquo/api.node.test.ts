import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, test} from 'node:test';
import {LINKED_KEYS, PRICING_KEY} from '../aws/demo-keys.ts';
import {startSandbox} from '../server.ts';
import type {Sandbox} from '../server.ts';
import {admin, browser, mt} from './test-client.ts';
import type {Browser} from './test-client.ts';

const KEYNODE = 42;
const STANDARD = 43;
let sandbox: Sandbox;
let api: string;

before(async () => {
  sandbox = await startSandbox({scenario: 'happy-path'});
  api = sandbox.apiUrl;
});
after(() => sandbox.close());
beforeEach(() => sandbox.abiquo.reset());

async function loggedIn(user = 'admin', password = 'admin-demo'): Promise<Browser> {
  const b = browser(api);
  assert.equal((await b.login(user, password)).status, 200);
  return b;
}

const amazonLink = () => ({rel: 'hypervisortype', href: `${api}/config/hypervisortypes/AMAZON`});
const json = (name: string) => ({headers: {Accept: mt(name), 'Content-Type': mt(name)}});
const props = (b: Browser, id = KEYNODE) => b.http.get(`${api}/admin/enterprises/${id}/properties`, {headers: {Accept: mt('enterpriseproperties')}});
const putProps = (b: Browser, body: unknown, id = KEYNODE) =>
  b.http.put(`${api}/admin/enterprises/${id}/properties`, {...json('enterpriseproperties'), json: body});

describe('session', () => {
  test('login with Basic auth sets an HttpOnly SameSite=Strict auth cookie and the token header, and later calls ride the cookie', async () => {
    const b = browser(api);
    const response = await b.login('admin', 'admin-demo');
    assert.equal(response.status, 200);
    const user = await response.json<{nick: string; locale: string; links: {rel: string}[]}>();
    assert.equal(user.nick, 'admin');
    assert.equal(user.locale, 'en_US');
    assert.ok(user.links.some((l) => l.rel === 'role'));
    const cookie = b.setCookies.find((c) => c.startsWith('auth='));
    assert.match(cookie ?? '', /HttpOnly/);
    assert.match(cookie ?? '', /SameSite=Strict/);
    assert.match(cookie ?? '', /Path=\//);
    assert.equal(response.headers.get('x-abiquo-token'), b.cookies().get('auth'));
    const enterprise = await b.http.get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Accept: mt('enterprise')}});
    assert.equal(enterprise.status, 200);
    assert.ok(enterprise.headers.get('set-cookie')?.startsWith('auth='), 'the cookie is refreshed on each answer');
  });

  test('a call without a session gets 401 with an Abiquo error body and the Basic challenge', async () => {
    const response = await browser(api).http.get(`${api}/admin/enterprises`, {headers: {Accept: mt('enterprises')}});
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Basic realm="Abiquo"');
    assert.deepEqual(Object.keys(await response.json<object>()), ['collection']);
  });

  test('a wrong password gets 401 with the Basic challenge and no cookie', async () => {
    const b = browser(api);
    const response = await b.login('admin', 'wrong');
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Basic realm="Abiquo"');
    assert.equal(b.cookies().has('auth'), false);
  });

  test('an expired session gets 401', async () => {
    const b = await loggedIn();
    await admin(sandbox.origin).post('sessions/expire');
    assert.equal((await b.http.get(`${api}/login`, {headers: {Accept: mt('user')}})).status, 401);
  });

  test('the token works as Authorization: Token', async () => {
    const b = await loggedIn();
    const response = await browser(api).http.get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Authorization: `Token ${b.cookies().get('auth')}`}});
    assert.equal(response.status, 200);
  });

  test('login with ?expand=privileges lists the role privileges', async () => {
    const b = browser(api);
    await b.login('viewer', 'viewer-demo');
    const user = await (
      await b.http.get(`${api}/login?expand=privileges`, {headers: {Accept: mt('user')}})
    ).json<{privileges: {collection: {name: string}[]}}>();
    const names = user.privileges.collection.map((p) => p.name);
    assert.ok(names.includes('ENTERPRISE_ENUMERATE'));
    assert.ok(!names.includes('USERS_MANAGE_ENTERPRISE'));
  });
});

describe('media types', () => {
  test('no version and supported versions are accepted and echoed in the Content-Type', async () => {
    const b = await loggedIn();
    for (const [accept, expected] of [
      [mt('enterprise'), '6.2'],
      [mt('enterprise', '3.10'), '3.10'],
      [mt('enterprise', '5.1'), '5.1'],
      ['application/json', '6.2'],
    ]) {
      const response = await b.http.get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Accept: accept ?? ''}});
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), `${mt('enterprise')}; version=${expected}`);
    }
  });

  test('an unsupported version in Accept gets 406', async () => {
    const b = await loggedIn();
    const response = await b.http.get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Accept: mt('enterprise', '9.9')}});
    assert.equal(response.status, 406);
    const body = await response.json<{collection: {code: string; message: string}[]}>();
    assert.equal(body.collection[0]?.code, '406-NOT-ACCEPTABLE');
  });

  test('another resource type in Accept gets 406', async () => {
    const b = await loggedIn();
    assert.equal((await b.http.get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Accept: mt('scope')}})).status, 406);
  });

  test('an unsupported version or type in Content-Type gets 415 and changes nothing', async () => {
    const b = await loggedIn();
    const body = {properties: {only: 'this'}};
    for (const contentType of [mt('enterpriseproperties', '1.0'), mt('enterprise'), 'text/plain']) {
      const response = await b.http.put(`${api}/admin/enterprises/${KEYNODE}/properties`, {
        headers: {Accept: mt('enterpriseproperties'), 'Content-Type': contentType},
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 415, contentType);
    }
    const state = await admin(sandbox.origin).get(`state/enterprises/${KEYNODE}`).json<{properties: Record<string, string>}>();
    assert.equal(state.properties.cost_center, 'CC-42');
  });
});

describe('enterprises', () => {
  test('an enterprise carries keyNode, reseller and links to properties, credentials, pricing credentials and its default scope', async () => {
    const b = await loggedIn();
    const e = await b.http
      .get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Accept: mt('enterprise')}})
      .json<{keyNode: boolean; reseller: boolean; links: {rel: string; href: string; type: string}[]}>();
    assert.equal(e.keyNode, true);
    assert.equal(e.reseller, false);
    const rel = (r: string) => e.links.find((l) => l.rel === r);
    assert.equal(rel('edit')?.href, `${api}/admin/enterprises/${KEYNODE}`);
    assert.equal(rel('properties')?.type, mt('enterpriseproperties'));
    assert.equal(rel('credentials')?.type, mt('publiccloudcredentialslist'));
    assert.equal(rel('pricingcredentials')?.href, `${api}/admin/enterprises/${KEYNODE}/pricingcredentials`);
    assert.equal(rel('scope')?.href, `${api}/admin/scopes/3`);
  });

  test('the list pages with startwith, limit, totalSize and first/next/last links', async () => {
    const b = await loggedIn();
    const page = await b.http
      .get(`${api}/admin/enterprises?limit=2`, {headers: {Accept: mt('enterprises')}})
      .json<{totalSize: number; collection: {name: string}[]; links: {rel: string; href: string}[]}>();
    assert.equal(page.totalSize, 5);
    assert.deepEqual(
      page.collection.map((e) => e.name),
      ['Abiquo', 'Acme Customer Billing'],
    );
    assert.deepEqual(
      page.links.map((l) => l.rel),
      ['first', 'next', 'last'],
    );
    const next = page.links.find((l) => l.rel === 'next')?.href ?? '';
    assert.equal(next, `${api}/admin/enterprises?startwith=2&limit=2&by=name`);
    const second = await b.http.get(next, {headers: {Accept: mt('enterprises')}}).json<{collection: {name: string}[]; links: {rel: string}[]}>();
    assert.deepEqual(
      second.collection.map((e) => e.name),
      ['Acme Reseller', 'Acme Retail'],
    );
    assert.deepEqual(
      second.links.map((l) => l.rel),
      ['first', 'previous', 'next', 'last'],
    );
  });

  test('idScope lists the enterprises of a scope and has filters by name', async () => {
    const b = await loggedIn();
    const names = async (query: string) =>
      (await b.http.get(`${api}/admin/enterprises?${query}`, {headers: {Accept: mt('enterprises')}}).json<{collection: {name: string}[]}>()).collection.map(
        (e) => e.name,
      );
    assert.deepEqual(await names('idScope=3'), ['Acme Customer Billing', 'Acme Retail']);
    assert.deepEqual(await names('has=glob'), ['Globex Corporation']);
    assert.deepEqual(await names('idScope=3&has=retail'), ['Acme Retail']);
  });

  test('a new standard enterprise with a default-scope link joins that scope', async () => {
    const b = await loggedIn();
    const created = await b.http.post(`${api}/admin/enterprises`, {
      ...json('enterprise'),
      json: {name: 'Acme Staging', keyNode: false, reseller: false, links: [{rel: 'scope', href: `${api}/admin/scopes/3`}]},
    });
    assert.equal(created.status, 201);
    const page = await b.http.get(`${api}/admin/enterprises?idScope=3`, {headers: {Accept: mt('enterprises')}}).json<{collection: {name: string}[]}>();
    assert.ok(page.collection.some((e) => e.name === 'Acme Staging'));
  });

  test('a second key node in the same scope is refused with ENTERPRISE-21', async () => {
    const b = await loggedIn();
    const e = await b.http.get(`${api}/admin/enterprises/${STANDARD}`, {headers: {Accept: mt('enterprise')}}).json<Record<string, unknown>>();
    const response = await b.http.put(`${api}/admin/enterprises/${STANDARD}`, {...json('enterprise'), json: {...e, keyNode: true}});
    assert.equal(response.status, 409);
    assert.equal((await response.json<{collection: {code: string}[]}>()).collection[0]?.code, 'ENTERPRISE-21');
  });
});

describe('properties', () => {
  test('a PUT replaces the whole map: a key left out is gone', async () => {
    const b = await loggedIn();
    const read = await props(b).json<{id: number; properties: Record<string, string>; links: unknown[]}>();
    assert.deepEqual(read.properties, {cost_center: 'CC-42', contact: 'billing@acme.example'});
    const response = await putProps(b, {...read, properties: {cost_center: 'CC-42', amazon_bucket: 'acme-billing-reports'}});
    assert.equal(response.status, 200);
    assert.deepEqual((await response.json<{properties: Record<string, string>}>()).properties, {cost_center: 'CC-42', amazon_bucket: 'acme-billing-reports'});
    assert.deepEqual((await props(b).json<{properties: Record<string, string>}>()).properties, {cost_center: 'CC-42', amazon_bucket: 'acme-billing-reports'});
  });

  test('a write after someone else wrote since this session read gets 409-CONFLICT-StaleObject', async () => {
    const me = await loggedIn();
    const other = await loggedIn('administrador', 'admin-demo-es');
    const mine = await props(me).json<{properties: Record<string, string>}>();
    const theirs = await props(other).json<{properties: Record<string, string>}>();
    assert.equal((await putProps(other, {...theirs, properties: {...theirs.properties, changed: 'by someone else'}})).status, 200);
    const response = await putProps(me, {...mine, properties: {...mine.properties, amazon_mpa: 'shared'}});
    assert.equal(response.status, 409);
    assert.equal((await response.json<{collection: {code: string}[]}>()).collection[0]?.code, '409-CONFLICT-StaleObject');
    const reread = await props(me).json<{properties: Record<string, string>}>();
    assert.equal((await putProps(me, {...reread, properties: {...reread.properties, amazon_mpa: 'shared'}})).status, 200, 'a re-read makes the write fresh');
    const state = await admin(sandbox.origin).get(`state/enterprises/${KEYNODE}`).json<{properties: Record<string, string>}>();
    assert.equal(state.properties.changed, 'by someone else');
  });

  test('a change through the back door makes an earlier read stale too', async () => {
    const me = await loggedIn();
    const mine = await props(me).json<object>();
    await admin(sandbox.origin).put(`state/enterprises/${KEYNODE}/properties`, {json: {properties: {cost_center: 'CC-43'}}});
    assert.equal((await putProps(me, {...mine, properties: {x: 'y'}})).status, 409);
  });

  test('an enterprise PUT after someone else changed it gets 409', async () => {
    const me = await loggedIn();
    const other = await loggedIn('administrador', 'admin-demo-es');
    const url = `${api}/admin/enterprises/${KEYNODE}`;
    const mine = await me.http.get(url, {headers: {Accept: mt('enterprise')}}).json<Record<string, unknown>>();
    const theirs = await other.http.get(url, {headers: {Accept: mt('enterprise')}}).json<Record<string, unknown>>();
    assert.equal((await other.http.put(url, {...json('enterprise'), json: {...theirs, name: 'Acme Billing'}})).status, 200);
    assert.equal((await me.http.put(url, {...json('enterprise'), json: {...mine, workflow: true}})).status, 409);
  });

  test('properties without a map are refused with ENPROP-1', async () => {
    const b = await loggedIn();
    const response = await putProps(b, {links: []});
    assert.equal(response.status, 400);
    assert.equal((await response.json<{collection: {code: string}[]}>()).collection[0]?.code, 'ENPROP-1');
  });
});

describe('credentials', () => {
  const linked = LINKED_KEYS[0];
  const credentials = (id = STANDARD) => `${api}/admin/enterprises/${id}/credentials`;
  const post = (b: Browser, id: number, access: string, key: string) =>
    b.http.post(credentials(id), {...json('publiccloudcredentials'), json: {access, key, links: [amazonLink()]}});

  test('a created credential answers 201 with access obfuscated and never the secret, in every later answer too', async () => {
    const b = await loggedIn();
    const created = await post(b, STANDARD, linked.accessKeyId, linked.secretAccessKey);
    assert.equal(created.status, 201);
    const texts = [await created.text()];
    const list = await b.http.get(credentials(), {headers: {Accept: mt('publiccloudcredentialslist')}});
    texts.push(await list.text());
    const entry = (JSON.parse(texts[1] ?? '') as {collection: {access: string; links: {rel: string; href: string}[]}[]}).collection[0];
    assert.match(entry?.access ?? '', /^[0-9a-f]{32,}$/);
    const edit = entry?.links.find((l) => l.rel === 'edit')?.href ?? '';
    const updated = await b.http.put(edit, {
      ...json('publiccloudcredentials'),
      json: {access: linked.accessKeyId, key: linked.secretAccessKey, links: [amazonLink()]},
    });
    assert.equal(updated.status, 200);
    texts.push(await updated.text(), await (await b.http.get(edit, {headers: {Accept: mt('publiccloudcredentials')}})).text());
    for (const text of texts) {
      assert.ok(!text.includes(linked.secretAccessKey), 'the secret never comes back');
      assert.ok(!text.includes(linked.accessKeyId), 'the access key ID only comes back obfuscated');
      assert.ok(!text.includes('"key"'));
    }
    const state = await admin(sandbox.origin).get(`state/enterprises/${STANDARD}`).json<{credentials: {access: string; provider: string}[]}>();
    assert.deepEqual(
      state.credentials.map((c) => [c.provider, c.access]),
      [['AMAZON', linked.accessKeyId]],
    );
    assert.equal((await b.http.delete(edit)).status, 204);
  });

  test('a second AMAZON credential for the same enterprise is refused with PUBLIC-3', async () => {
    const b = await loggedIn();
    assert.equal((await post(b, STANDARD, linked.accessKeyId, linked.secretAccessKey)).status, 201);
    const again = await post(b, STANDARD, LINKED_KEYS[1].accessKeyId, LINKED_KEYS[1].secretAccessKey);
    assert.equal(again.status, 409);
    assert.equal((await again.json<{collection: {code: string}[]}>()).collection[0]?.code, 'PUBLIC-3');
  });

  test('the same access key in another enterprise is refused with PUBLIC-14', async () => {
    const b = await loggedIn();
    assert.equal((await post(b, STANDARD, linked.accessKeyId, linked.secretAccessKey)).status, 201);
    const reuse = await post(b, 7, linked.accessKeyId, linked.secretAccessKey);
    assert.equal(reuse.status, 409);
    const text = await reuse.text();
    assert.equal((JSON.parse(text) as {collection: {code: string}[]}).collection[0]?.code, 'PUBLIC-14');
    assert.ok(!text.includes(linked.secretAccessKey));
  });

  test('pricing credentials are created, then replaced by a PUT to their edit link, never echoing the secret', async () => {
    const b = await loggedIn();
    const url = `${api}/admin/enterprises/${KEYNODE}/pricingcredentials`;
    const body = {access: PRICING_KEY.accessKeyId, key: PRICING_KEY.secretAccessKey, links: [amazonLink()]};
    const created = await b.http.post(url, {...json('pricingcredentials'), json: body});
    assert.equal(created.status, 201);
    const createdText = await created.text();
    assert.ok(!createdText.includes(PRICING_KEY.secretAccessKey) && !createdText.includes(PRICING_KEY.accessKeyId));
    const duplicate = await b.http.post(url, {...json('pricingcredentials'), json: body});
    assert.equal(duplicate.status, 409);
    const list = await b.http.get(url, {headers: {Accept: mt('pricingcredentialslist')}}).json<{collection: {links: {rel: string; href: string}[]}[]}>();
    assert.equal(list.collection.length, 1);
    const edit = list.collection[0]?.links.find((l) => l.rel === 'edit')?.href ?? '';
    const newSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE2';
    assert.equal((await b.http.put(edit, {...json('pricingcredentials'), json: {...body, key: newSecret}})).status, 200);
    const state = await admin(sandbox.origin).get(`state/enterprises/${KEYNODE}`).json<{pricingCredentials: {access: string}[]}>();
    assert.deepEqual(
      state.pricingCredentials.map((c) => c.access),
      [PRICING_KEY.accessKeyId],
    );
  });

  test('pricing credentials without a provider link or an access key are refused with PRICING-CREDS-6 and -4', async () => {
    const b = await loggedIn();
    const url = `${api}/admin/enterprises/${KEYNODE}/pricingcredentials`;
    const code = async (body: unknown) =>
      (await (await b.http.post(url, {...json('pricingcredentials'), json: body})).json<{collection: {code: string}[]}>()).collection[0]?.code;
    assert.equal(await code({access: PRICING_KEY.accessKeyId, key: PRICING_KEY.secretAccessKey, links: []}), 'PRICING-CREDS-6');
    assert.equal(await code({key: PRICING_KEY.secretAccessKey, links: [amazonLink()]}), 'PRICING-CREDS-4');
  });
});

describe('roles', () => {
  test('a read-only user can read but gets 403 GEN-4 on writes and on credentials', async () => {
    const b = await loggedIn('viewer', 'viewer-demo');
    assert.equal((await b.http.get(`${api}/admin/enterprises/${KEYNODE}`, {headers: {Accept: mt('enterprise')}})).status, 200);
    const read = await props(b);
    assert.equal(read.status, 200);
    const forbidden = [
      await putProps(b, {...(await read.json<object>()), properties: {}}),
      await b.http.get(`${api}/admin/enterprises/${KEYNODE}/credentials`, {headers: {Accept: mt('publiccloudcredentialslist')}}),
      await b.http.get(`${api}/admin/enterprises/${KEYNODE}/pricingcredentials`, {headers: {Accept: mt('pricingcredentialslist')}}),
      await b.http.post(`${api}/admin/enterprises`, {...json('enterprise'), json: {name: 'Nope'}}),
    ];
    for (const response of forbidden) {
      assert.equal(response.status, 403);
      assert.equal((await response.json<{collection: {code: string}[]}>()).collection[0]?.code, 'GEN-4');
    }
    const state = await admin(sandbox.origin).get(`state/enterprises/${KEYNODE}`).json<{properties: Record<string, string>}>();
    assert.equal(state.properties.cost_center, 'CC-42');
    // The back door's write log lists the refused writes too, with their status, and no read.
    const writes = await admin(sandbox.origin).get('writes').json<{method: string; path: string; status: number}[]>();
    assert.deepEqual(writes.slice(-2), [
      {method: 'PUT', path: `/admin/enterprises/${KEYNODE}/properties`, status: 403},
      {method: 'POST', path: '/admin/enterprises', status: 403},
    ]);
    assert.ok(writes.every((w) => w.method !== 'GET'));
  });
});

describe('scopes', () => {
  test('the keynode scope has a scopeParent link and no compute (no DATACENTER entities)', async () => {
    const b = await loggedIn();
    const scope = await b.http
      .get(`${api}/admin/scopes/3`, {headers: {Accept: mt('scope')}})
      .json<{scopeEntities: {type: string; idResource: number}[]; links: {rel: string; href: string}[]}>();
    assert.equal(scope.links.find((l) => l.rel === 'scopeParent')?.href, `${api}/admin/scopes/2`);
    assert.deepEqual(
      scope.scopeEntities.map((e) => e.type),
      ['ENTERPRISE', 'ENTERPRISE'],
    );
    const reseller = await b.http.get(`${api}/admin/scopes/2`, {headers: {Accept: mt('scope')}}).json<{scopeEntities: {type: string}[]}>();
    assert.ok(reseller.scopeEntities.some((e) => e.type === 'DATACENTER'));
  });

  test('scopes are listed with paging, created with 201 and the global scope cannot be deleted', async () => {
    const b = await loggedIn();
    const list = await b.http.get(`${api}/admin/scopes?limit=1`, {headers: {Accept: mt('scopes')}}).json<{totalSize: number; collection: unknown[]}>();
    assert.equal(list.totalSize, 3);
    assert.equal(list.collection.length, 1);
    const created = await b.http.post(`${api}/admin/scopes`, {
      ...json('scope'),
      json: {name: 'Department', scopeEntities: [{type: 'ENTERPRISE', idResource: STANDARD}], links: [{rel: 'scopeParent', href: `${api}/admin/scopes/3`}]},
    });
    assert.equal(created.status, 201);
    const deleted = await b.http.delete(`${api}/admin/scopes/1`);
    assert.equal(deleted.status, 409);
    assert.equal((await deleted.json<{collection: {code: string}[]}>()).collection[0]?.code, 'SCOPE-2');
  });
});

describe('faults', () => {
  test('the next matching request fails with the injected status, then the API recovers', async () => {
    const b = await loggedIn();
    await admin(sandbox.origin).post('faults', {json: {failNext: {status: 503, path: '/properties', count: 1}}});
    assert.equal((await props(b)).status, 503);
    assert.equal((await props(b)).status, 200);
  });

  test("htmlUnauthorized answers 401 as the servlet's HTML page, still with the Basic challenge", async () => {
    await admin(sandbox.origin).post('faults', {json: {htmlUnauthorized: true}});
    const response = await browser(api).http.get(`${api}/login`, {headers: {Accept: mt('user')}});
    assert.equal(response.status, 401);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('www-authenticate'), 'Basic realm="Abiquo"');
  });

  test('latency delays every answer and a timeout never answers', async () => {
    const b = await loggedIn();
    await admin(sandbox.origin).post('faults', {json: {latencyMs: 150, timeoutNext: {path: '/scopes'}}});
    const started = Date.now();
    assert.equal((await props(b)).status, 200);
    assert.ok(Date.now() - started >= 150);
    await assert.rejects(b.http.get(`${api}/admin/scopes`, {timeout: 600}));
  });

  test('the back door refuses requests that come from a browser page', async () => {
    const response = await fetch(`${sandbox.origin}/__sandbox/state/enterprises/${KEYNODE}`, {headers: {Origin: sandbox.origin}});
    assert.equal(response.status, 403);
  });
});
