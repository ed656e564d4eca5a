import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {classifyRequest} from './enterprise-requests.ts';

const request = (url: string, method = 'GET', statusCode = 200, tabId = 3) => ({url, method, statusCode, tabId});

describe('which enterprise the console loaded (webRequest)', () => {
  it('takes the console reading one enterprise as the one being edited', () => {
    assert.deepEqual(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42')), {kind: 'enterprise-read', enterpriseId: 42});
    assert.deepEqual(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42?expand=x')), {kind: 'enterprise-read', enterpriseId: 42});
  });

  it('reports the console writing an enterprise’s properties', () => {
    assert.deepEqual(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42/properties', 'PUT')), {kind: 'properties-written', enterpriseId: 42});
  });

  it('ignores lists, sub-resources, failures and requests outside a tab', () => {
    assert.equal(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises?idScope=3')), undefined);
    assert.equal(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42/credentials')), undefined);
    assert.equal(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42/properties')), undefined);
    assert.equal(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42', 'GET', 404)), undefined);
    assert.equal(classifyRequest(request('https://abiquo.example.com/api/admin/enterprises/42', 'GET', 200, -1)), undefined);
  });
});
