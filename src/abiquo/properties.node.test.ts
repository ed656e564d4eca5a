import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import type {AbiquoService} from './types.ts';
import {createAbiquoService} from './abiquo-service.ts';
import {conflictingKeys, mergedDto, parseProperties} from './properties.ts';
import {SCENARIO, startSimulatedAbiquo} from '../../test/helpers/simulated-abiquo.ts';
import type {Exchange, SimulatedAbiquo} from '../../test/helpers/simulated-abiquo.ts';

const KEYNODE = 42;
const signal = () => new AbortController().signal;

interface RawEnterprise {
  properties: Record<string, string>;
}

describe('Properties are read, merged and written without losing anything', () => {
  let sim: SimulatedAbiquo;
  let service: AbiquoService;
  let log: Exchange[];
  const apply = (changes: Record<string, string>, loaded: Readonly<Record<string, string>>) => service.applySetup({changes, loaded}, signal());
  const stored = async () => ((await sim.admin('GET', `/state/enterprises/${KEYNODE}`)) as RawEnterprise).properties;

  before(async () => {
    sim = await startSimulatedAbiquo(SCENARIO);
  });
  after(() => sim.close());
  beforeEach(async () => {
    await sim.admin('POST', '/reset');
    const session = await sim.session('admin', 'admin-password');
    log = session.log;
    service = createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: session.fetch});
  });

  it('writes the amazon_* keys and keeps every other property', async () => {
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    const result = await apply({amazon_bucket: 'acme-billing-reports', amazon_report_name: 'abiquo-hourly'}, loaded.value);
    const expected = {support_contact: 'ops@example.com', cost_center: 'CC-17', amazon_bucket: 'acme-billing-reports', amazon_report_name: 'abiquo-hourly'};
    assert.deepEqual(result, {credentialsSaved: false, stored: {properties: expected, hasPricingCredentials: false}});
    assert.deepEqual(await stored(), expected);
  });

  it('keeps a property someone else added between loading and applying', async () => {
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    await sim.admin('PUT', `/state/enterprises/${KEYNODE}/properties`, {properties: {...loaded.value, added_meanwhile: 'yes'}});
    const result = await apply({amazon_bucket_region: 'us-east-1'}, loaded.value);
    assert.equal(result.failure, undefined);
    assert.equal((await stored()).added_meanwhile, 'yes');
    assert.equal((await stored()).amazon_bucket_region, 'us-east-1');
    assert.equal((await stored()).support_contact, 'ops@example.com');
  });

  it('refuses to overwrite an amazon_* key someone else changed meanwhile, and writes nothing', async () => {
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    const theirs = {...loaded.value, amazon_bucket: 'their-bucket'};
    await sim.admin('PUT', `/state/enterprises/${KEYNODE}/properties`, {properties: theirs});
    const result = await apply({amazon_bucket: 'acme-billing-reports', amazon_mpa: 'dedicated'}, loaded.value);
    assert.deepEqual(result.failure, {code: 'ABIQUO_CONFLICT', facts: {keys: 'amazon_bucket', count: 1}});
    assert.deepEqual(result.stored?.properties, theirs);
    assert.deepEqual(await stored(), theirs);
    assert.equal(log.filter((e) => e.method === 'PUT').length, 0);
  });

  it('reports a stale write (409) as a conflict after one re-read, without retrying the PUT', async () => {
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    await sim.admin('POST', '/faults', {
      failNext: {status: 409, code: '409-CONFLICT-StaleObject', message: 'Another request has updated this entity', method: 'PUT', path: '/properties'},
    });
    const result = await apply({amazon_bucket: 'acme-billing-reports'}, loaded.value);
    assert.equal(result.failure?.code, 'ABIQUO_CONFLICT');
    assert.equal(log.filter((e) => e.method === 'PUT').length, 1);
    assert.equal((await stored()).amazon_bucket, 'old-bucket');
  });

  it('PUTs the whole DTO back: id and links kept, and the re-read comes just before the write', async () => {
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    log.length = 0;
    await apply({amazon_billing_compress_format: 'GZ'}, loaded.value);
    const requests = log.map((e) => `${e.method} ${new URL(e.url).pathname}`);
    const put = requests.indexOf('PUT /api/admin/enterprises/42/properties');
    assert.equal(requests[put - 1], 'GET /api/admin/enterprises/42/properties');
    const body = JSON.parse(log[put]!.requestBody) as {id?: number; links?: unknown[]};
    assert.equal(typeof body.id, 'number');
    assert.ok(Array.isArray(body.links) && body.links.length === 2);
  });

  it('re-verifies what the PUT answered: a value the server did not store is reported, not taken for saved', async () => {
    const session = await sim.session('admin', 'admin-password');
    // The PUT answers 200 with a stored map that lacks amazon_mpa (a server that drops what it does not know).
    const dropping: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await session.fetch(request);
      if (request.method !== 'PUT' || !request.url.endsWith('/properties') || !response.ok) return response;
      const body = (await response.json()) as {properties: Record<string, string>};
      delete body.properties.amazon_mpa;
      return new Response(JSON.stringify(body), {status: response.status, headers: response.headers});
    };
    service = createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: dropping});
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    const result = await apply({amazon_bucket: 'acme-billing-reports', amazon_mpa: 'dedicated'}, loaded.value);
    assert.equal(result.failure?.code, 'ABIQUO_UNEXPECTED_RESPONSE');
    assert.deepEqual(result.failure?.facts, {notStored: 'amazon_mpa'});
  });

  it('does not write when every value is already stored', async () => {
    const loaded = await service.readProperties(signal());
    assert.ok(loaded.ok);
    const result = await apply({amazon_bucket: 'old-bucket'}, loaded.value);
    assert.equal(result.failure, undefined);
    assert.equal(log.filter((e) => e.method === 'PUT').length, 0);
  });
});

describe('The merge itself', () => {
  it('keeps unknown fields of the DTO and values of other keys as the API sent them', () => {
    const doc = parseProperties({id: 7, types: {secret: 'HIDDEN'}, properties: {a: '1', secret: 'x'}, links: []}, 'https://h/api/p');
    assert.ok(doc.ok);
    assert.deepEqual(mergedDto(doc.value, {amazon_mpa: 'shared'}), {
      id: 7,
      types: {secret: 'HIDDEN'},
      properties: {a: '1', secret: 'x', amazon_mpa: 'shared'},
      links: [],
    });
  });

  it('sees a conflict only for written keys that moved to a value other than ours', () => {
    const loaded = {amazon_bucket: 'a', amazon_mpa: 'shared', other: '1'};
    const fresh = {amazon_bucket: 'b', amazon_mpa: 'dedicated', other: '2', amazon_report_name: 'r'};
    assert.deepEqual(conflictingKeys({amazon_bucket: 'c', amazon_mpa: 'dedicated', amazon_report_name: 'x'}, loaded, fresh), [
      'amazon_bucket',
      'amazon_report_name',
    ]);
  });
});
