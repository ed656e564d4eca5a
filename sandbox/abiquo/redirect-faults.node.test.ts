import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, test} from 'node:test';
import {injectFaults, readApiWrites, readElsewhere, resetSandbox} from '../drive/sandbox-backdoor.ts';
import {PRICING_KEY} from '../aws/demo-keys.ts';
import {startSandbox} from '../server.ts';
import type {Sandbox} from '../server.ts';
import {mt} from './test-client.ts';

const KEYNODE = 42;
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({scenario: 'happy-path'});
});
after(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox));

/** A request that does not follow redirects: what the API itself answered. */
const raw = (path: string, init: RequestInit = {}) => fetch(`${sandbox.apiUrl}${path}`, {redirect: 'manual', ...init});
const credentialsBody = () => JSON.stringify({access: PRICING_KEY.accessKeyId, key: PRICING_KEY.secretAccessKey, links: []});
const postCredentials = (init: RequestInit = {}) => ({
  method: 'POST',
  headers: {'Content-Type': mt('publiccloudcredentials'), Accept: mt('publiccloudcredentials')},
  body: credentialsBody(),
  ...init,
});

describe('redirectNext fault', () => {
  test('answers 307 with a Location on the elsewhere origin, same path and query, before authentication; only for the matched method and path, count times', async () => {
    await injectFaults(sandbox, {redirectNext: {status: 307, path: '/credentials', method: 'post', count: 2}});
    const path = `/admin/enterprises/${KEYNODE}/credentials?source=test&x=%20y`;

    const otherMethod = await raw(path, {headers: {Accept: mt('publiccloudcredentials')}});
    assert.equal(otherMethod.status, 401, 'a GET of the same path is not redirected (and, without a session, refused)');
    const otherPath = await raw(`/admin/enterprises/${KEYNODE}/properties`, postCredentials());
    assert.notEqual(otherPath.status, 307, 'a POST to another path is not redirected');

    for (let i = 0; i < 2; i += 1) {
      const redirected = await raw(path, postCredentials());
      assert.equal(redirected.status, 307, 'no session, yet redirected: the proxy answers before the API authenticates');
      assert.equal(redirected.headers.get('location'), `${sandbox.elsewhereOrigin}/api${path}`);
      assert.equal(redirected.headers.get('set-cookie'), null);
      assert.equal(await redirected.text(), '');
    }
    const third = await raw(path, postCredentials());
    assert.equal(third.status, 401, 'the rule is spent after count matches');

    assert.notEqual(new URL(sandbox.elsewhereOrigin).origin, sandbox.origin);
    assert.deepEqual(
      (await readApiWrites(sandbox)).filter((w) => w.path.endsWith('/credentials')).map((w) => w.status),
      [307, 307, 401],
    );
    assert.deepEqual(await readElsewhere(sandbox), {received: [], preflights: 0}, 'nothing followed the redirects');
  });

  test('every redirect status is answered, with the given location when there is one, and one rule per array entry', async () => {
    const statuses = [301, 302, 303, 307, 308] as const;
    await injectFaults(sandbox, {redirectNext: statuses.map((status) => ({status, location: `https://sso.example.test/login?s=${status}`}))});
    for (const status of statuses) {
      const response = await raw('/login');
      assert.equal(response.status, status);
      assert.equal(response.headers.get('location'), `https://sso.example.test/login?s=${status}`);
    }
    assert.equal((await raw('/login')).status, 401);
  });

  test('a rule with another status is refused with 400 and nothing is configured', async () => {
    const response = await fetch(`${sandbox.origin}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({failNext: {status: 500}, redirectNext: [{status: 307}, {status: 304}]}),
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as {error: string}).error, /301, 302, 303, 307, 308/);
    assert.equal((await raw('/login')).status, 401, 'neither the valid redirect nor the failure was kept');
  });

  test('a DELETE of the faults and a reset drop pending redirects', async () => {
    await injectFaults(sandbox, {redirectNext: {status: 308}});
    await fetch(`${sandbox.origin}/__sandbox/faults`, {method: 'DELETE'});
    assert.equal((await raw('/login')).status, 401);
    await injectFaults(sandbox, {redirectNext: {status: 308}});
    await resetSandbox(sandbox);
    assert.equal((await raw('/login')).status, 401);
  });
});

describe('the elsewhere origin', () => {
  test('records the credentials body that a client following the redirect (plain Node fetch) sends there', async () => {
    await injectFaults(sandbox, {redirectNext: {status: 307, path: '/credentials', method: 'POST'}});
    const init = postCredentials();
    const response = await fetch(`${sandbox.apiUrl}/admin/enterprises/${KEYNODE}/credentials?step=add`, {
      ...init,
      headers: {...(init.headers as Record<string, string>), Authorization: 'Token session-token'},
    });
    assert.equal(response.status, 200, 'fetch followed the 307 and took the elsewhere answer');
    assert.equal(response.url, `${sandbox.elsewhereOrigin}/api/admin/enterprises/${KEYNODE}/credentials?step=add`);
    assert.deepEqual(await response.json(), {});

    const {received, preflights} = await readElsewhere(sandbox);
    assert.equal(preflights, 0);
    assert.equal(received.length, 1);
    const [leaked] = received;
    assert.equal(leaked?.method, 'POST', '307 keeps the method');
    assert.equal(leaked?.path, `/api/admin/enterprises/${KEYNODE}/credentials?step=add`);
    assert.equal(leaked?.headers['content-type'], mt('publiccloudcredentials'));
    assert.equal(leaked?.body, credentialsBody(), '307 keeps the body: the secret key reached another origin');
    assert.ok(leaked?.body.includes(PRICING_KEY.secretAccessKey));
    assert.equal(leaked?.headers.authorization, undefined, 'fetch drops Authorization on a cross-origin redirect, but not the body');
    assert.ok(Object.keys(leaked?.headers ?? {}).every((name) => name === name.toLowerCase()));
  });

  test('a 303 turns the POST into a bodiless GET', async () => {
    await injectFaults(sandbox, {redirectNext: {status: 303, method: 'POST'}});
    await fetch(`${sandbox.apiUrl}/admin/enterprises/${KEYNODE}/credentials`, postCredentials());
    const {received} = await readElsewhere(sandbox);
    assert.deepEqual(
      received.map((r) => [r.method, r.path, r.body]),
      [['GET', `/api/admin/enterprises/${KEYNODE}/credentials`, '']],
    );
  });

  test('lets any CORS preflight through, counting it apart from the requests it records', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await fetch(`${sandbox.elsewhereOrigin}/api/admin/enterprises/${KEYNODE}/credentials`, {
      method: 'OPTIONS',
      headers: {Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type,x-custom'},
    });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'PUT');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type,x-custom');

    const put = await fetch(`${sandbox.elsewhereOrigin}/anything?a=1`, {method: 'PUT', headers: {Origin: origin, 'X-Custom': 'one'}, body: 'text'});
    assert.equal(put.headers.get('access-control-allow-origin'), origin);
    assert.deepEqual(await put.json(), {});

    const {received, preflights} = await readElsewhere(sandbox);
    assert.equal(preflights, 1);
    assert.deepEqual(
      received.map((r) => [r.method, r.path, r.headers['x-custom'], r.headers.origin, r.body]),
      [['PUT', '/anything?a=1', 'one', origin, 'text']],
    );
  });

  test('the back door reset clears what it received', async () => {
    await fetch(`${sandbox.elsewhereOrigin}/x`, {method: 'POST', body: 'secret'});
    await fetch(`${sandbox.elsewhereOrigin}/x`, {method: 'OPTIONS'});
    assert.equal((await readElsewhere(sandbox)).received.length, 1);
    await resetSandbox(sandbox);
    assert.deepEqual(await readElsewhere(sandbox), {received: [], preflights: 0});
  });

  test('its record is for the test process only, like the rest of the back door', async () => {
    const response = await fetch(`${sandbox.origin}/__sandbox/elsewhere`, {headers: {Origin: sandbox.elsewhereOrigin}});
    assert.equal(response.status, 403);
  });
});
