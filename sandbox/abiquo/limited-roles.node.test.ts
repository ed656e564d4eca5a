import assert from 'node:assert/strict';
import {after, before, beforeEach, test} from 'node:test';
import {startSandbox} from '../server.ts';
import type {Sandbox} from '../server.ts';
import {failure, loggedIn, mt} from './test-client.ts';
import type {Browser} from './test-client.ts';

const KEYNODE = 42;
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({scenario: 'limited-roles'});
});
after(() => sandbox.close());
beforeEach(() => sandbox.abiquo.reset());

const as = (nick: string) => loggedIn(sandbox.apiUrl, nick, `${nick}-demo`);
const get = (b: Browser, path: string, type: string) => b.http.get(`${sandbox.apiUrl}${path}`, {headers: {Accept: mt(type)}});
const json = (name: string) => ({headers: {Accept: mt(name), 'Content-Type': mt(name)}});
const privileges = async (b: Browser) =>
  (await get(b, '/login?expand=privileges', 'user').json<{privileges: {collection: {name: string}[]}}>()).privileges.collection.map((p) => p.name);

/** What each limited user cannot do, and something close it still can. */
const CASES = [
  {
    nick: 'no-pricing',
    missing: 'MANAGE_PRICING_CREDENTIALS',
    refused: `/admin/enterprises/${KEYNODE}/pricingcredentials`,
    refusedType: 'pricingcredentialslist',
    allowed: `/admin/enterprises/${KEYNODE}/credentials`,
    allowedType: 'publiccloudcredentialslist',
  },
  {
    nick: 'no-properties-admin',
    missing: 'ENTERPRISE_ADMINISTER_ALL',
    refused: `/admin/enterprises/${KEYNODE}/properties`,
    refusedType: 'enterpriseproperties',
    allowed: `/admin/enterprises/${KEYNODE}`,
    allowedType: 'enterprise',
  },
  {
    nick: 'no-provider-creds',
    missing: 'USERS_MANAGE_CREDENTIALS',
    refused: `/admin/enterprises/${KEYNODE}/credentials`,
    refusedType: 'publiccloudcredentialslist',
    allowed: `/admin/enterprises/${KEYNODE}/pricingcredentials`,
    allowedType: 'pricingcredentialslist',
  },
];

test('each limited role has every privilege of the cloud admin but one', async () => {
  const all = await privileges(await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo'));
  for (const {nick, missing} of [...CASES, {nick: 'no-create-enterprise', missing: 'USERS_MANAGE_OTHER_ENTERPRISES'}]) {
    assert.deepEqual(
      await privileges(await as(nick)),
      all.filter((p) => p !== missing),
      nick,
    );
  }
});

test('each limited user gets 403 GEN-4 where its missing privilege is needed, and is served next to it', async () => {
  for (const c of CASES) {
    const b = await as(c.nick);
    assert.deepEqual(await failure(await get(b, c.refused, c.refusedType)), [403, 'GEN-4'], c.nick);
    assert.equal((await get(b, c.allowed, c.allowedType)).status, 200, c.nick);
  }
  const b = await as('no-create-enterprise');
  assert.deepEqual(await failure(await b.http.post(`${sandbox.apiUrl}/admin/enterprises`, {...json('enterprise'), json: {name: 'Acme New'}})), [403, 'GEN-4']);
  assert.equal((await get(b, `/admin/enterprises/${KEYNODE}/properties`, 'enterpriseproperties')).status, 200);
});

test('a new enterprise named like Globex Outside, which is outside the keynode scope, gets 409 ENTERPRISE-4', async () => {
  const b = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const inScope = await get(b, '/admin/enterprises?idScope=3', 'enterprises').json<{collection: {name: string}[]}>();
  assert.ok(!inScope.collection.some((e) => e.name === 'Globex Outside'));
  const body = {name: 'Globex Outside', keyNode: false, reseller: false, links: [{rel: 'scope', href: `${sandbox.apiUrl}/admin/scopes/3`}]};
  assert.deepEqual(await failure(await b.http.post(`${sandbox.apiUrl}/admin/enterprises`, {...json('enterprise'), json: body})), [409, 'ENTERPRISE-4']);
});
