import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {createHash} from 'node:crypto';
import type {AwsKeys} from '../aws/types.ts';
import type {AbiquoService} from './types.ts';
import {accountIdsInMemory} from './account-id-memory.ts';
import {createAbiquoService} from './abiquo-service.ts';
import {ONLY_FOR_BILLING_FIELD} from './assumptions.ts';
import {createHttp} from './http.ts';
import {readLogin} from './login.ts';
import {KEYS, SCENARIO, startSimulatedAbiquo} from '../../test/helpers/simulated-abiquo.ts';
import type {Exchange, SimulatedAbiquo} from '../../test/helpers/simulated-abiquo.ts';

const KEYNODE = 42;
const SCOPE = 7;
const signal = () => new AbortController().signal;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface RawCredential {
  provider: string;
  access: string;
  keySha256: string;
  flags: Record<string, boolean>;
}
interface RawEnterprise {
  id: number;
  name: string;
  keyNode: boolean;
  reseller: boolean;
  defaultScopeId: number | null;
  properties: Record<string, string>;
  credentials: RawCredential[];
  pricingCredentials: RawCredential[];
  versions: Record<string, number>;
}

describe('The Abiquo service against the simulated API', () => {
  let sim: SimulatedAbiquo;
  let service: AbiquoService;
  let log: Exchange[];
  const connect = async (user = 'admin', password = 'admin-password', timeoutMs?: number) => {
    const session = await sim.session(user, password);
    log = session.log;
    service = createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: session.fetch, ...(timeoutMs ? {timeoutMs} : {})});
  };
  const saveKeys = (keys: AwsKeys) => service.applySetup({changes: {}, loaded: {}, keys}, signal());
  const writes = () => log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${new URL(e.url).pathname}`);
  const state = async (id: number) => (await sim.admin('GET', `/state/enterprises/${id}`)) as RawEnterprise;
  const allState = async () => (await sim.admin('GET', '/state/enterprises')) as RawEnterprise[];
  /** Nothing the client received or returned may hold a secret; only a credentials POST/PUT body may. */
  const assertSecretOnlyInWriteBodies = (secret: string, results: unknown[]) => {
    for (const e of log) {
      assert.ok(!e.url.includes(secret), `secret in URL ${e.method} ${e.url}`);
      assert.ok(!e.responseBody.includes(secret), `secret in the answer to ${e.method} ${e.url}`);
      if (e.requestBody.includes(secret)) assert.match(`${e.method} ${e.url}`, /^(POST|PUT) .*\/(credentials|pricingcredentials)(\/\d+)?$/);
    }
    for (const result of results) assert.ok(!JSON.stringify(result).includes(secret), 'secret in a result');
  };

  before(async () => {
    sim = await startSimulatedAbiquo(SCENARIO);
  });
  after(() => sim.close());
  beforeEach(async () => {
    await sim.admin('POST', '/reset');
    await connect();
  });

  it('loads the keynode: summary, properties, pricing credentials and a scope with compute resources', async () => {
    const result = await service.loadKeynode(signal());
    assert.deepEqual(result, {
      ok: true,
      value: {
        enterprise: {id: 42, name: 'Acme Keynode', keyNode: true, reseller: false},
        properties: {support_contact: 'ops@example.com', amazon_bucket: 'old-bucket', cost_center: 'CC-17'},
        hasPricingCredentials: false,
        scope: {id: SCOPE, name: 'Acme billing', computeResources: 1},
      },
    });
  });

  it('reads the console user locale and enterprise from GET /login', async () => {
    const session = await sim.session('admin', 'admin-password');
    const result = await readLogin(createHttp({apiBase: sim.apiBase, fetch: session.fetch}), signal());
    assert.deepEqual(result, {ok: true, value: {nick: 'admin', locale: 'es_ES', enterpriseHref: `${sim.apiBase}/admin/enterprises/40`, enterpriseId: 40}});
  });

  it('creates the AMAZON pricing credentials, then replaces them, never seeing the secret again', async () => {
    const created = await saveKeys(KEYS.pricing);
    assert.deepEqual([created.failure, created.credentialsSaved, created.stored?.hasPricingCredentials], [undefined, true, true]);
    let pricing = (await state(KEYNODE)).pricingCredentials;
    assert.deepEqual(
      pricing.map((c) => [c.provider, c.access, c.keySha256]),
      [['AMAZON', KEYS.pricing.accessKeyId, sha256(KEYS.pricing.secretAccessKey)]],
    );

    const loaded = await service.loadKeynode(signal());
    assert.equal(loaded.ok && loaded.value.hasPricingCredentials, true);

    const replaced = await saveKeys(KEYS.pricingRotated);
    assert.deepEqual([replaced.failure, replaced.credentialsSaved], [undefined, true]);
    pricing = (await state(KEYNODE)).pricingCredentials;
    assert.deepEqual(
      pricing.map((c) => [c.provider, c.access, c.keySha256]),
      [['AMAZON', KEYS.pricingRotated.accessKeyId, sha256(KEYS.pricingRotated.secretAccessKey)]],
    );
    assert.deepEqual(writes(), [
      'POST /api/admin/enterprises/42/pricingcredentials',
      `PUT /api/admin/enterprises/42/pricingcredentials/${/\/(\d+)$/.exec(log.find((e) => e.method === 'PUT')!.url)![1]}`,
    ]);
    assertSecretOnlyInWriteBodies(KEYS.pricing.secretAccessKey, [created, loaded, replaced]);
    assertSecretOnlyInWriteBodies(KEYS.pricingRotated.secretAccessKey, [replaced]);
  });

  it('refuses before any write when the role cannot manage pricing credentials, naming the privilege as the console and the API do', async () => {
    await connect('operator', 'operator-password');
    const result = await service.applySetup(
      {changes: {amazon_bucket: 'acme-billing-reports'}, loaded: {amazon_bucket: 'old-bucket'}, keys: KEYS.pricing},
      signal(),
    );
    assert.equal(result.failure?.code, 'ABIQUO_PRIVILEGES_MISSING');
    assert.equal(result.failure?.facts?.privileges, '“Manage pricing credentials” (MANAGE_PRICING_CREDENTIALS)');
    assert.deepEqual(writes(), []);
    assert.deepEqual((await state(KEYNODE)).pricingCredentials, []);
    assert.equal((await state(KEYNODE)).properties.amazon_bucket, 'old-bucket');
  });

  it('puts the properties back when the pricing credentials fail after them, and reports the API as read back', async () => {
    await sim.admin('POST', '/faults', {failNext: {status: 403, method: 'POST', path: '/pricingcredentials'}});
    const before = await state(KEYNODE);
    const result = await service.applySetup(
      {changes: {amazon_bucket: 'acme-billing-reports', amazon_mpa: 'dedicated'}, loaded: {amazon_bucket: 'old-bucket'}, keys: KEYS.pricing},
      signal(),
    );
    assert.equal(result.failure?.code, 'ABIQUO_FORBIDDEN');
    assert.equal(result.failure?.facts?.privilege, '“Manage pricing credentials” (MANAGE_PRICING_CREDENTIALS)');
    assert.equal(result.undoFailure, undefined);
    assert.deepEqual(await state(KEYNODE), {...before, versions: (await state(KEYNODE)).versions});
    assert.deepEqual(result.stored?.properties, before.properties);
    assert.deepEqual(writes(), [
      'PUT /api/admin/enterprises/42/properties',
      'POST /api/admin/enterprises/42/pricingcredentials',
      'PUT /api/admin/enterprises/42/properties',
    ]);
  });

  it('says honestly which of its values remain when putting the properties back fails too', async () => {
    const session = await sim.session('admin', 'admin-password');
    let propertyPuts = 0;
    // The second PUT of the properties (the undo) is refused as a server would refuse it.
    const refusingUndo: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'PUT' && request.url.endsWith('/properties') && ++propertyPuts === 2) {
        return new Response(JSON.stringify({collection: [{code: 'GEN-4', message: 'Not enough permissions'}]}), {status: 403});
      }
      return session.fetch(request);
    };
    service = createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: refusingUndo});
    await sim.admin('POST', '/faults', {failNext: {status: 503, method: 'POST', path: '/pricingcredentials'}});
    const result = await service.applySetup(
      {changes: {amazon_bucket: 'acme-billing-reports'}, loaded: {amazon_bucket: 'old-bucket'}, keys: KEYS.pricing},
      signal(),
    );
    assert.equal(result.failure?.code, 'ABIQUO_SERVER');
    assert.equal(result.undoFailure?.code, 'ABIQUO_FORBIDDEN');
    assert.equal(result.stored?.properties.amazon_bucket, 'acme-billing-reports', 'the report reads back what is really there');
    assert.equal((await state(KEYNODE)).properties.amazon_bucket, 'acme-billing-reports');
  });

  it('says the session expired when the console session is gone, also for an HTML 401 page', async () => {
    await sim.admin('POST', '/sessions/expire');
    const json401 = await service.loadKeynode(signal());
    assert.equal(!json401.ok && json401.code, 'ABIQUO_SESSION_EXPIRED');
    await sim.admin('POST', '/faults', {htmlUnauthorized: true});
    const html401 = await service.readProperties(signal());
    assert.equal(!html401.ok && html401.code, 'ABIQUO_SESSION_EXPIRED');
  });

  it('maps server failures, refused media types and timeouts', async () => {
    await sim.admin('POST', '/faults', {failNext: {status: 500, path: '/properties'}});
    const server = await service.readProperties(signal());
    assert.equal(!server.ok && server.code, 'ABIQUO_SERVER');
    await sim.admin('POST', '/faults', {
      failNext: {status: 415, code: '415-UNSUPPORTED-MEDIA-TYPE', message: "Invalid 'Content-type' version", path: '/pricingcredentials', method: 'POST'},
    });
    const media = await saveKeys(KEYS.pricing);
    assert.equal(media.failure?.code, 'ABIQUO_MEDIA_TYPE');
    await connect('admin', 'admin-password', 200);
    await sim.admin('POST', '/faults', {timeoutNext: {path: '/properties', count: 3}});
    const slow = await service.readProperties(signal());
    assert.deepEqual(slow, {ok: false, code: 'ABIQUO_TIMEOUT', facts: {seconds: 1}});
  });

  it('lists linked accounts over every page: standard enterprises defaulting to the keynode scope, with their AMAZON status', async () => {
    const result = await service.listLinkedAccounts(signal());
    assert.ok(result.ok);
    const names = result.value.map((a) => a.name);
    assert.equal(names.length, 29); // Analytics, Retail and 27 fillers
    assert.ok(!names.includes('Acme Keynode') && !names.includes('Acme Reseller') && !names.includes('Elsewhere') && !names.includes('Other standard'));
    assert.deepEqual(
      result.value.find((a) => a.name === 'Retail'),
      {enterpriseId: 50, name: 'Retail', hasAmazonCredentials: true},
    );
    assert.deepEqual(
      result.value.find((a) => a.name === 'Analytics'),
      {enterpriseId: 51, name: 'Analytics', hasAmazonCredentials: false},
    );
    assert.ok(
      log.some((e) => new URL(e.url).searchParams.get('startwith') === '25'),
      'the second page was followed',
    );
  });

  it('adds a linked account: a standard enterprise in the keynode scope with AMAZON public credentials, "Only for billing" unset', async () => {
    const result = await service.addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321'}, signal());
    assert.ok(result.ok);
    assert.deepEqual({...result.value.account, enterpriseId: 0}, {enterpriseId: 0, name: 'Staging', hasAmazonCredentials: true, awsAccountId: '210987654321'});
    assert.equal(result.value.reused, false);
    const created = await state(result.value.account.enterpriseId);
    assert.deepEqual([created.name, created.keyNode, created.reseller, created.defaultScopeId], ['Staging', false, false, SCOPE]);
    assert.deepEqual(
      created.credentials.map((c) => [c.provider, c.access, c.keySha256]),
      [['AMAZON', KEYS.linked.accessKeyId, sha256(KEYS.linked.secretAccessKey)]],
    );
    assert.ok(!(ONLY_FOR_BILLING_FIELD in created.credentials[0]!.flags));
    assert.ok(log.every((e) => !e.requestBody.includes(ONLY_FOR_BILLING_FIELD)));
    assertSecretOnlyInWriteBodies(KEYS.linked.secretAccessKey, [result]);

    const listed = await service.listLinkedAccounts(signal());
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.find((a) => a.name === 'Staging')?.awsAccountId, '210987654321');
  });

  it('removes the enterprise it created when the credentials step fails, leaving the API as before', async () => {
    const before = await allState();
    await sim.admin('POST', '/faults', {failNext: {status: 503, method: 'POST', path: '/credentials'}});
    const first = await service.addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321'}, signal());
    assert.equal(!first.ok && first.code, 'ABIQUO_ACCOUNT_NOT_ADDED');
    assert.equal(!first.ok && first.facts?.cause, 'ABIQUO_SERVER');
    assert.deepEqual(
      (await allState()).map((e) => e.id),
      before.map((e) => e.id),
    );
    assertSecretOnlyInWriteBodies(KEYS.linked.secretAccessKey, [first]);
  });

  it('keeps the enterprise when the operator asked to, and adding again with the same name saves only the credentials', async () => {
    await sim.admin('POST', '/faults', {failNext: {status: 503, method: 'POST', path: '/credentials'}});
    const first = await service.addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321', keepOnFailure: true}, signal());
    assert.equal(!first.ok && first.code, 'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED');
    const facts = !first.ok ? first.facts : undefined;
    assert.equal(facts?.cause, 'ABIQUO_SERVER');
    const enterpriseId = Number(facts?.enterpriseId);
    assert.deepEqual((await state(enterpriseId)).credentials, []);

    const retry = await service.addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321'}, signal());
    assert.ok(retry.ok);
    assert.deepEqual([retry.value.account.enterpriseId, retry.value.reused], [enterpriseId, true]);
    assert.equal((await allState()).filter((e) => e.name === 'Staging').length, 1);
    assert.equal((await state(enterpriseId)).credentials.length, 1);
    assert.equal(log.filter((e) => e.method === 'POST' && new URL(e.url).pathname === '/api/admin/enterprises').length, 1);
  });

  it('refuses to add an account whose enterprise already has AMAZON credentials, keeps them, and matches it with the keys’ account', async () => {
    const result = await service.addLinkedAccount({name: 'Retail', keys: KEYS.linkedOther, awsAccountId: '345678901234'}, signal());
    assert.deepEqual(result, {ok: false, code: 'ABIQUO_ACCOUNT_EXISTS', facts: {name: 'Retail', enterpriseId: 50}});
    assert.ok(log.every((e) => e.method === 'GET'));
    const listed = await service.listLinkedAccounts(signal());
    assert.equal(listed.ok && listed.value.find((a) => a.name === 'Retail')?.awsAccountId, '345678901234');
  });

  it('knows the accounts it added or matched when the dialog opens again, from the memory it is given', async () => {
    const memory = accountIdsInMemory();
    const opened = () => createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: session.fetch, accountIds: memory});
    const session = await sim.session('admin', 'admin-password');
    const added = await opened().addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321'}, signal());
    assert.ok(added.ok);
    await opened().addLinkedAccount({name: 'Retail', keys: KEYS.linkedOther, awsAccountId: '345678901234'}, signal());
    const listed = await opened().listLinkedAccounts(signal());
    assert.ok(listed.ok);
    assert.deepEqual(
      listed.value.filter((a) => a.awsAccountId).map((a) => [a.name, a.awsAccountId]),
      [
        ['Retail', '345678901234'],
        ['Staging', '210987654321'],
      ],
    );
  });

  it('shows no remembered account for an enterprise whose credentials have gone since (deleted in the console)', async () => {
    const memory = accountIdsInMemory();
    await memory.remember(51, '456789012345');
    const session = await sim.session('admin', 'admin-password');
    const listed = await createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: session.fetch, accountIds: memory}).listLinkedAccounts(
      signal(),
    );
    assert.ok(listed.ok);
    assert.deepEqual(
      listed.value.find((a) => a.enterpriseId === 51),
      {enterpriseId: 51, name: 'Analytics', hasAmazonCredentials: false},
    );
  });

  it('reports keys already used by another enterprise', async () => {
    const first = await service.addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321'}, signal());
    assert.ok(first.ok);
    const second = await service.addLinkedAccount({name: 'Staging 2', keys: KEYS.linked, awsAccountId: '210987654321'}, signal());
    assert.equal(!second.ok && second.code, 'ABIQUO_ACCOUNT_NOT_ADDED');
    assert.equal(!second.ok && second.facts?.cause, 'ABIQUO_CREDENTIALS_IN_USE');
  });
});
