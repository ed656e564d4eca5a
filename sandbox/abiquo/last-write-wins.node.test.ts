import assert from 'node:assert/strict';
import {after, before, beforeEach, test} from 'node:test';
import {startSandbox} from '../server.ts';
import type {Sandbox} from '../server.ts';
import {admin, loggedIn, mt} from './test-client.ts';

const KEYNODE = 42;
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({scenario: 'last-write-wins'});
});
after(() => sandbox.close());
beforeEach(() => sandbox.abiquo.reset());

const json = (name: string) => ({headers: {Accept: mt(name), 'Content-Type': mt(name)}});

test('a properties PUT after someone else wrote them succeeds and silently overwrites their change', async () => {
  const url = `${sandbox.apiUrl}/admin/enterprises/${KEYNODE}/properties`;
  const me = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const mine = await me.http.get(url, {headers: {Accept: mt('enterpriseproperties')}}).json<{properties: Record<string, string>}>();
  await admin(sandbox.origin).put(`state/enterprises/${KEYNODE}/properties`, {json: {properties: {...mine.properties, changed: 'by someone else'}}});
  assert.equal((await me.http.put(url, {...json('enterpriseproperties'), json: {...mine, properties: {...mine.properties, amazon_mpa: 'no'}}})).status, 200);
  const state = await admin(sandbox.origin).get(`state/enterprises/${KEYNODE}`).json<{properties: Record<string, string>}>();
  assert.deepEqual(state.properties, {...mine.properties, amazon_mpa: 'no'});
});

test('so does an enterprise PUT', async () => {
  const url = `${sandbox.apiUrl}/admin/enterprises/${KEYNODE}`;
  const me = await loggedIn(sandbox.apiUrl, 'admin', 'admin-demo');
  const other = await loggedIn(sandbox.apiUrl, 'administrador', 'admin-demo-es');
  const mine = await me.http.get(url, {headers: {Accept: mt('enterprise')}}).json<Record<string, unknown>>();
  const theirs = await other.http.get(url, {headers: {Accept: mt('enterprise')}}).json<Record<string, unknown>>();
  assert.equal((await other.http.put(url, {...json('enterprise'), json: {...theirs, name: 'Acme Billing'}})).status, 200);
  const response = await me.http.put(url, {...json('enterprise'), json: {...mine, workflow: true}});
  assert.equal(response.status, 200);
  assert.equal((await response.json<{name: string}>()).name, 'Acme Customer Billing');
});
