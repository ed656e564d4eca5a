import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {classifyRequest} from './enterprise-requests.ts';

const consoleOrigin = 'https://abiquo.example.com';
const enabled = [consoleOrigin];
const request = (url: string, method = 'GET', statusCode = 200, tabId = 3, initiator: string | undefined = consoleOrigin) => ({url, method, statusCode, tabId, ...(initiator ? {initiator} : {})});

describe('which enterprise the console loaded (webRequest)', () => {
  it('takes the console reading one enterprise as the one being edited', () => {
    assert.deepEqual(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42`), enabled), {kind: 'enterprise-read', enterpriseId: 42});
    assert.deepEqual(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42?expand=x`), enabled), {kind: 'enterprise-read', enterpriseId: 42});
  });

  it('reports the console writing an enterprise’s properties', () => {
    assert.deepEqual(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42/properties`, 'PUT'), enabled), {kind: 'properties-written', enterpriseId: 42});
  });

  it('ignores lists, sub-resources, failures and requests outside a tab', () => {
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises?idScope=3`), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42/credentials`), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42/properties`), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42`, 'GET', 404), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/42`, 'GET', 200, -1), enabled), undefined);
  });

  it('ignores look-alike requests to other hosts or made by other pages (an S3 bucket can answer that path too)', () => {
    assert.equal(classifyRequest(request('https://evil.s3.amazonaws.com/api/admin/enterprises/7', 'GET', 200, 3, 'https://evil.s3.amazonaws.com'), enabled), undefined);
    assert.equal(classifyRequest(request(`${consoleOrigin}/api/admin/enterprises/7`, 'GET', 200, 3, 'https://elsewhere.example'), enabled), undefined);
    assert.deepEqual(
      classifyRequest({...request(`${consoleOrigin}/api/admin/enterprises/7`, 'GET', 200, 3, undefined), documentUrl: `${consoleOrigin}/ui/#/enterprises`}, enabled),
      {kind: 'enterprise-read', enterpriseId: 7},
      'Firefox names the page by its URL',
    );
  });
});
