import assert from 'node:assert/strict';
import {beforeEach, describe, it} from 'node:test';
import {createFakeChrome} from '../../test/helpers/fake-chrome.ts';
import {contentScriptId, disableOrigin, enabledOrigins, enableOrigin, enablePendingConsole, syncContentScripts, type OriginsDeps} from './console-origins.ts';

/** Every site answers as an Abiquo API does without credentials (its documented Basic challenge). */
const abiquoApi = (async () => new Response('', {status: 401, headers: {'WWW-Authenticate': 'Basic realm="Abiquo"'}})) as typeof fetch;
const webPage = (async () => new Response('<h1>Welcome</h1>', {headers: {'Content-Type': 'text/html'}})) as typeof fetch;

describe('console origins (release build: permissions granted at run time)', () => {
  let fake: ReturnType<typeof createFakeChrome>;
  let deps: OriginsDeps;

  beforeEach(() => {
    fake = createFakeChrome();
    deps = {
      storage: fake.chrome.storage.local as never,
      permissions: fake.chrome.permissions,
      scripting: fake.chrome.scripting as never,
      tabs: fake.chrome.tabs as never,
      fetch: abiquoApi,
    };
  });

  it('refuses to enable a console whose permission the operator did not grant, and registers nothing', async () => {
    const result = await enableOrigin('https://abiquo.example.com/ui/#/enterprises', deps);
    assert.deepEqual(result, {ok: false, code: 'PERMISSION_MISSING', facts: {origin: 'https://abiquo.example.com'}});
    assert.deepEqual(fake.registered, []);
  });

  it('rejects what is not a web address', async () => {
    assert.equal((await enableOrigin('abiquo.example.com', deps)).ok, false);
    assert.equal((await enableOrigin('ftp://abiquo.example.com', deps)).ok, false);
  });

  it('refuses a console over plain http (the secret would travel unencrypted), except on loopback', async () => {
    fake.granted.add('http://abiquo.example.com/*');
    assert.deepEqual(await enableOrigin('http://abiquo.example.com/ui/', deps), {
      ok: false,
      code: 'ORIGIN_INSECURE',
      facts: {origin: 'http://abiquo.example.com'},
    });
    fake.granted.add('http://127.0.0.1/*');
    assert.equal((await enableOrigin('http://127.0.0.1:8080/ui/', deps)).ok, true);
  });

  it('after the grant, registers the content script for exactly that console', async () => {
    fake.granted.add('https://abiquo.example.com/*');
    const result = await enableOrigin('https://abiquo.example.com/ui/', deps);
    assert.deepEqual(result, {ok: true, value: {origins: ['https://abiquo.example.com']}});
    assert.deepEqual(
      fake.registered.map((s) => [s.id, s.matches, s.js, s.allFrames]),
      [[contentScriptId, ['https://abiquo.example.com/*'], ['content.js'], false]],
    );
  });

  it('stops counting a console whose permission was revoked in the browser, and unregisters it on sync', async () => {
    fake.granted.add('https://abiquo.example.com/*');
    await enableOrigin('https://abiquo.example.com', deps);
    fake.granted.delete('https://abiquo.example.com/*');
    assert.deepEqual(await enabledOrigins(deps), []);
    await syncContentScripts(deps);
    assert.deepEqual(fake.registered, []);
  });

  it('removing a console removes its permission and its registration, and keeps the others', async () => {
    fake.granted.add('https://abiquo.example.com/*');
    fake.granted.add('https://cloud.example.org/*');
    await enableOrigin('https://abiquo.example.com', deps);
    await enableOrigin('https://cloud.example.org', deps);
    const result = await disableOrigin('https://abiquo.example.com', deps);
    assert.deepEqual(result, {ok: true, value: {origins: ['https://cloud.example.org']}});
    assert.equal(fake.granted.has('https://abiquo.example.com/*'), false);
    assert.deepEqual(
      fake.registered.flatMap((s) => s.matches),
      ['https://cloud.example.org/*'],
    );
  });

  it('registering again (extension reinstalled, worker restarted) is idempotent', async () => {
    fake.granted.add('https://abiquo.example.com/*');
    await enableOrigin('https://abiquo.example.com', deps);
    await syncContentScripts(deps);
    await syncContentScripts(deps);
    assert.equal(fake.registered.length, 1);
  });

  it('finishes enabling a console whose page closed with the permission prompt (Firefox popup)', async () => {
    await fake.chrome.storage.session.set({pendingConsole: 'https://abiquo.example.com'});
    fake.granted.add('https://abiquo.example.com/*');
    await enablePendingConsole(fake.chrome.storage.session as never, deps);
    assert.deepEqual(await enabledOrigins(deps), ['https://abiquo.example.com']);
    assert.deepEqual(await fake.chrome.storage.session.get('pendingConsole'), {});
  });

  it('refuses a site that does not answer like an Abiquo API: not stored, nothing registered, its permission removed', async () => {
    fake.granted.add('https://www.example.com/*');
    const result = await enableOrigin('https://www.example.com/', {...deps, fetch: webPage});
    assert.deepEqual(result, {
      ok: false,
      code: 'NOT_ABIQUO',
      facts: {origin: 'https://www.example.com', url: 'https://www.example.com/api/version', answer: 'HTTP 200 text/html'},
    });
    assert.deepEqual(await enabledOrigins(deps), []);
    assert.deepEqual(fake.registered, []);
    assert.equal(fake.granted.has('https://www.example.com/*'), false);
  });
});
