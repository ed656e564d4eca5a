import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {probeAbiquoApi} from './abiquo-probe.ts';

const origin = 'https://abiquo.example.com';

/** A site that answers `GET /api/version` with `answer`; no client config files (the API is then at `/api`). */
function site(answer: () => Response): typeof fetch & {requests: {url: string; init?: RequestInit}[]} {
  const requests: {url: string; init?: RequestInit}[] = [];
  return Object.assign(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({url, ...(init ? {init} : {})});
      return url.endsWith('/api/version') ? answer() : new Response('<h1>Not Found</h1>', {status: 404, headers: {'Content-Type': 'text/html'}});
    },
    {requests},
  );
}

describe('is this site an Abiquo API? (asked once, when a console is enabled)', () => {
  it("takes Abiquo's own Basic challenge (the documented 401) for an Abiquo API, asking without credentials", async () => {
    const fetchImpl = site(() => new Response('', {status: 401, headers: {'WWW-Authenticate': 'Basic realm="Abiquo"'}}));
    assert.deepEqual(await probeAbiquoApi(origin, fetchImpl), {ok: true, value: undefined});
    const probe = fetchImpl.requests.find((r) => r.url.endsWith('/version'))!;
    assert.equal(probe.url, 'https://abiquo.example.com/api/version');
    assert.equal(probe.init?.credentials, 'omit', 'no cookie, no stored Basic credentials, so no login prompt');
    assert.equal(probe.init?.redirect, 'manual');
  });

  it('takes the plain-text version, or a vendor media type, for an Abiquo API', async () => {
    assert.equal(
      (
        await probeAbiquoApi(
          origin,
          site(() => new Response('6.1.0\n', {headers: {'Content-Type': 'text/plain'}})),
        )
      ).ok,
      true,
    );
    assert.equal(
      (
        await probeAbiquoApi(
          origin,
          site(() => new Response('{}', {status: 403, headers: {'Content-Type': 'application/vnd.abiquo.errors+json'}})),
        )
      ).ok,
      true,
    );
  });

  it("asks the API where the console's client config puts it", async () => {
    const requests: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      requests.push(String(input));
      if (String(input).endsWith('client-config-custom.json')) return new Response('{"config.endpoint": "https://abiquo.example.com/abiquo/api"}');
      return new Response('', {status: 401, headers: {'WWW-Authenticate': 'Basic realm="Abiquo"'}});
    }) as typeof fetch;
    assert.equal((await probeAbiquoApi(origin, fetchImpl)).ok, true);
    assert.ok(requests.includes('https://abiquo.example.com/abiquo/api/version'), requests.join());
  });

  it('refuses any other site, saying what it answered instead', async () => {
    const cases: [string, () => Response, string][] = [
      ['a web page', () => new Response('<h1>Not Found</h1>', {status: 404, headers: {'Content-Type': 'text/html; charset=utf-8'}}), 'HTTP 404 text/html'],
      ['another JSON API', () => new Response('{"version": "1.2"}', {headers: {'Content-Type': 'application/json'}}), 'HTTP 200 application/json'],
      ['a page saying a version', () => new Response('<p>1.2</p>', {headers: {'Content-Type': 'text/html'}}), 'HTTP 200 text/html'],
      ['another Basic realm', () => new Response('', {status: 401, headers: {'WWW-Authenticate': 'Basic realm="Jenkins"'}}), 'HTTP 401 text/plain'],
      ['a redirect', () => ({type: 'opaqueredirect', status: 0, headers: new Headers(), text: async () => ''}) as unknown as Response, 'HTTP 3xx'],
    ];
    for (const [what, answer, said] of cases) {
      assert.deepEqual(
        await probeAbiquoApi(origin, site(answer)),
        {ok: false, code: 'NOT_ABIQUO', facts: {origin, url: `${origin}/api/version`, answer: said}},
        what,
      );
    }
  });

  it('says the site did not answer when the request fails', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    assert.deepEqual(await probeAbiquoApi(origin, down), {ok: false, code: 'CONSOLE_UNREACHABLE', facts: {origin, url: `${origin}/api/version`}});
  });
});
