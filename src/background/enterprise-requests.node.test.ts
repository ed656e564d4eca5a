import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {classifyRequest, ENTERPRISE_REQUESTS} from './enterprise-requests.ts';

/** A match pattern as the browsers read it (scheme `*` is http or https; any port), or `<all_urls>`. */
function matches(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const glob = (text: string) =>
    text
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
  const {protocol, hostname, pathname, search} = new URL(url);
  return (
    (scheme === '*' ? /^https?:$/.test(protocol) : protocol === `${scheme}:`) &&
    new RegExp(`^${glob(host!)}$`).test(hostname) &&
    new RegExp(`^${glob(path!)}$`).test(pathname + search)
  );
}
const wakes = (url: string) => ENTERPRISE_REQUESTS.urls.some((pattern) => matches(pattern, url));

const consoleOrigin = 'https://abiquo.example.com';
const enabled = [consoleOrigin];
const request = (url: string, method = 'GET', statusCode = 200, tabId = 3, initiator: string | undefined = consoleOrigin) => ({
  url,
  method,
  statusCode,
  tabId,
  ...(initiator ? {initiator} : {}),
});

describe('which enterprise the console loaded (webRequest)', () => {
  it('takes the console reading one enterprise as the one being edited', () => {
    assert.deepEqual(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42`), enabled), {kind: 'enterprise-read', enterpriseId: 42});
    assert.deepEqual(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42?expand=x`), enabled), {kind: 'enterprise-read', enterpriseId: 42});
  });

  it('reports the console writing an enterprise’s properties', () => {
    assert.deepEqual(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42/properties`, 'PUT'), enabled), {
      kind: 'properties-written',
      enterpriseId: 42,
    });
  });

  it('ignores lists, sub-resources, failures and requests outside a tab', () => {
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises?idScope=3`), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42/credentials`), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42/properties`), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42`, 'GET', 404), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42`, 'GET', 200, -1), enabled), undefined);
  });

  it('ignores look-alike requests to other hosts or made by other pages (an S3 bucket can answer that path too)', () => {
    assert.equal(
      classifyRequest(request('https://evil.s3.amazonaws.com/api/admin/enterprises/7', 'GET', 200, 3, 'https://evil.s3.amazonaws.com'), enabled),
      undefined,
    );
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/7`, 'GET', 200, 3, 'https://elsewhere.example'), enabled), undefined);
    assert.deepEqual(
      classifyRequest(
        {...request(`${consoleOrigin}/api/admin/enterprises/7`, 'GET', 200, 3, undefined), documentUrl: `${consoleOrigin}/ui/#/enterprises`},
        enabled,
      ),
      {kind: 'enterprise-read', enterpriseId: 7},
      'Firefox names the page by its URL',
    );
  });

  it("wakes the worker for the console's enterprise requests only, not for the checks' own calls to AWS", () => {
    for (const url of [
      `${consoleOrigin}/api/admin/enterprises/42`,
      'http://127.0.0.1:8080/api/admin/enterprises/42/properties',
      'https://abiquo.example.com/admin/enterprises/7?expand=x',
    ]) {
      assert.ok(wakes(url), url);
    }
    for (const url of [
      'https://sts.amazonaws.com/',
      'https://acme-billing.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=cur%2F',
      'https://cur.us-east-1.amazonaws.com/',
      `${consoleOrigin}/api/login`,
    ]) {
      assert.ok(!wakes(url), url);
    }
  });
});
