import assert from 'node:assert/strict';
import {after, before, beforeEach, test} from 'node:test';
import {startSandbox} from '../server.ts';
import type {Sandbox} from '../server.ts';
import {admin, failure, loggedIn, mt} from './test-client.ts';
import type {Browser} from './test-client.ts';

const KEYNODE = 42;
const VISIBLE = {cost_center: 'CC-42', contact: 'billing@acme.example', billing_contract_id: 'CT-2026-0042'};
const HIDDEN = {internal_cost_center: 'CC-ñ-7781'};
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({scenario: 'typed-properties'});
});
after(() => sandbox.close());
beforeEach(() => sandbox.abiquo.reset());

interface Properties {
  properties: Record<string, string>;
}
const url = () => `${sandbox.apiUrl}/admin/enterprises/${KEYNODE}/properties`;
const read = (b: Browser) => b.http.get(url(), {headers: {Accept: mt('enterpriseproperties')}}).json<Properties & Record<string, unknown>>();
const put = (b: Browser, body: unknown) =>
  b.http.put(url(), {headers: {Accept: mt('enterpriseproperties'), 'Content-Type': mt('enterpriseproperties')}, json: body});
const operator = () => loggedIn(sandbox.apiUrl, 'operator', 'operator-demo');
const state = () => admin(sandbox.origin).get(`state/enterprises/${KEYNODE}`).json<Properties & {propertyTypes: Record<string, string>}>();

test('without ENTERPRISE_MANAGE_PROPERTIES a user sees the READ_ONLY property but not the HIDDEN one; no answer shows types', async () => {
  const mine = await read(await operator());
  assert.deepEqual(mine.properties, VISIBLE);
  assert.deepEqual(Object.keys(mine), ['id', 'properties', 'links']);
  assert.deepEqual((await read(await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo'))).properties, {...VISIBLE, ...HIDDEN});
});

test('their PUT changes READ_WRITE keys and keeps the HIDDEN one, which it never names', async () => {
  const b = await operator();
  const mine = await read(b);
  const {cost_center: _dropped, ...kept} = mine.properties;
  const response = await put(b, {...mine, properties: {...kept, contact: 'ops@acme.example', amazon_bucket: 'acme-billing-reports'}});
  assert.equal(response.status, 200);
  const expected = {contact: 'ops@acme.example', billing_contract_id: 'CT-2026-0042', amazon_bucket: 'acme-billing-reports'};
  assert.deepEqual((await response.json<Properties>()).properties, expected);
  const after = await state();
  assert.deepEqual(after.properties, {...expected, ...HIDDEN});
  assert.deepEqual(after.propertyTypes, {billing_contract_id: 'READ_ONLY', internal_cost_center: 'HIDDEN'});
});

test('their PUT naming a HIDDEN key is 409 ENPROP-2 and changes nothing', async () => {
  const b = await operator();
  const mine = await read(b);
  assert.deepEqual(await failure(await put(b, {...mine, properties: {...mine.properties, internal_cost_center: 'mine'}})), [409, 'ENPROP-2']);
  assert.deepEqual((await state()).properties, {...VISIBLE, ...HIDDEN});
});

test('their PUT changing or dropping the READ_ONLY key is 403 GEN-4 and changes nothing', async () => {
  const b = await operator();
  const mine = await read(b);
  const {billing_contract_id: _dropped, ...without} = mine.properties;
  assert.deepEqual(await failure(await put(b, {...mine, properties: {...mine.properties, billing_contract_id: 'CT-1'}})), [403, 'GEN-4']);
  assert.deepEqual(await failure(await put(b, {...mine, properties: without})), [403, 'GEN-4']);
  assert.deepEqual((await state()).properties, {...VISIBLE, ...HIDDEN});
});

test('with the privilege a PUT replaces the whole map, typed keys included; a key that goes loses its type', async () => {
  const b = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const all = await read(b);
  assert.equal((await put(b, {...all, properties: {billing_contract_id: 'CT-2027-0001'}})).status, 200);
  const after = await state();
  assert.deepEqual(after.properties, {billing_contract_id: 'CT-2027-0001'});
  assert.deepEqual(after.propertyTypes, {billing_contract_id: 'READ_ONLY'});
});
