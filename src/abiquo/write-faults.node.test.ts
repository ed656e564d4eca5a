/**
 * The fault suite (issue 10): a 5xx, a timeout, a connection dropped before the write and one dropped after it
 * (done, but the answer lost) at every write step of Apply and of Add account, against the simulated API over
 * real sockets. Each ends in a clear state: the code the operator is told, and the API state, asserted.
 */
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import type {AbiquoService} from './types.ts';
import {createAbiquoService} from './abiquo-service.ts';
import {KEYS, SCENARIO, startSimulatedAbiquo, type SimulatedAbiquo} from '../../test/helpers/simulated-abiquo.ts';

const KEYNODE = 42;
const TIMEOUT_MS = 300;
const CHANGES = {amazon_bucket: 'acme-billing-reports', amazon_mpa: 'dedicated'};

type Fault = '503' | 'timeout' | 'dropped' | 'dropped after the write';
const FAULTS: readonly Fault[] = ['503', 'timeout', 'dropped', 'dropped after the write'];
/** What the operator is told when the request itself failed. */
const CODE: Record<Fault, string> = {'503': 'ABIQUO_SERVER', timeout: 'ABIQUO_TIMEOUT', dropped: 'ABIQUO_NETWORK', 'dropped after the write': 'ABIQUO_NETWORK'};

interface Rule {
  method: string;
  path: string;
  skip?: number;
}
/** The fault settings for `fault` on `rule`, after an optional 503 on an earlier step (`first`). */
const inject = (fault: Fault, rule: Rule, first?: Rule) => {
  const earlier = first ? [{status: 503, ...first}] : [];
  return fault === '503'
    ? {failNext: [...earlier, {status: 503, ...rule}]}
    : fault === 'timeout'
      ? {failNext: earlier, timeoutNext: rule}
      : {failNext: earlier, dropNext: {...rule, afterWrite: fault === 'dropped after the write'}};
};

interface RawEnterprise {
  id: number;
  name: string;
  properties: Record<string, string>;
  credentials: {provider: string; access: string}[];
  pricingCredentials: {provider: string; access: string}[];
}

describe('Faults at every write step leave a clear state', () => {
  let sim: SimulatedAbiquo;
  let service: AbiquoService;
  const state = async (id: number) => (await sim.admin('GET', `/state/enterprises/${id}`)) as RawEnterprise;
  const named = async (name: string) => ((await sim.admin('GET', '/state/enterprises')) as RawEnterprise[]).filter((e) => e.name === name);

  before(async () => {
    sim = await startSimulatedAbiquo(SCENARIO);
  });
  after(() => sim.close());
  beforeEach(async () => {
    await sim.admin('POST', '/reset');
    const session = await sim.session('admin', 'admin-password');
    service = createAbiquoService({apiBase: sim.apiBase, enterpriseId: KEYNODE, fetch: session.fetch, timeoutMs: TIMEOUT_MS});
  });

  describe('Apply (the properties, then the pricing keys)', () => {
    const apply = () => service.applySetup({changes: CHANGES, loaded: {amazon_bucket: 'old-bucket'}, keys: KEYS.pricing}, new AbortController().signal);

    /** The report says what the API holds, whatever the client believed. */
    const assertReportIsTheApi = async (report: Awaited<ReturnType<typeof apply>>) => {
      const now = await state(KEYNODE);
      assert.deepEqual(report.stored?.properties, now.properties, 'the report is the API read back');
      assert.equal(report.stored?.hasPricingCredentials, now.pricingCredentials.length > 0);
      return now;
    };

    for (const fault of FAULTS) {
      it(`the properties PUT, ${fault}: nothing stays written`, async () => {
        const before = await state(KEYNODE);
        await sim.admin('POST', '/faults', inject(fault, {method: 'PUT', path: '/properties'}));
        const report = await apply();
        assert.equal(report.failure?.code, CODE[fault]);
        assert.equal(report.undoFailure, undefined);
        assert.equal(report.credentialsSaved, false);
        const now = await assertReportIsTheApi(report);
        assert.deepEqual(now.properties, before.properties, 'a PUT done but unanswered is put back');
        assert.deepEqual(now.pricingCredentials, []);
      });

      it(`the pricing keys POST, ${fault}: ${fault === 'dropped after the write' ? 'the keys were saved, so Apply succeeded' : 'the properties are put back'}`, async () => {
        const before = await state(KEYNODE);
        await sim.admin('POST', '/faults', inject(fault, {method: 'POST', path: '/pricingcredentials'}));
        const report = await apply();
        const now = await assertReportIsTheApi(report);
        if (fault === 'dropped after the write') {
          assert.equal(report.failure, undefined, 'the saved keys were found: nothing failed');
          assert.equal(report.credentialsSaved, true);
          assert.deepEqual(
            now.pricingCredentials.map((c) => c.access),
            [KEYS.pricing.accessKeyId],
          );
          assert.deepEqual(now.properties, {...before.properties, ...CHANGES});
        } else {
          assert.equal(report.failure?.code, CODE[fault]);
          assert.equal(report.credentialsSaved, false);
          assert.equal(report.undoFailure, undefined);
          assert.deepEqual(now.properties, before.properties);
          assert.deepEqual(now.pricingCredentials, []);
        }
      });

      it(`putting the properties back after refused keys, ${fault}: ${fault === 'dropped after the write' ? 'done, so no undo failure is claimed' : 'the values left are reported'}`, async () => {
        const before = await state(KEYNODE);
        await sim.admin('POST', '/faults', inject(fault, {method: 'PUT', path: '/properties', skip: 1}, {method: 'POST', path: '/pricingcredentials'}));
        const report = await apply();
        assert.equal(report.failure?.code, 'ABIQUO_SERVER');
        const now = await assertReportIsTheApi(report);
        assert.deepEqual(now.pricingCredentials, []);
        if (fault === 'dropped after the write') {
          assert.equal(report.undoFailure, undefined);
          assert.deepEqual(now.properties, before.properties);
        } else {
          assert.equal(report.undoFailure?.code, CODE[fault]);
          assert.deepEqual(now.properties, {...before.properties, ...CHANGES}, 'the values the report names as left');
        }
      });
    }
  });

  describe('Add account (the enterprise, then its credentials)', () => {
    const add = () => service.addLinkedAccount({name: 'Staging', keys: KEYS.linked, awsAccountId: '210987654321'}, new AbortController().signal);
    const assertAdded = async (result: Awaited<ReturnType<typeof add>>) => {
      assert.ok(result.ok, JSON.stringify(result));
      const [staging, ...others] = await named('Staging');
      assert.equal(others.length, 0, 'one enterprise');
      assert.equal(result.value.account.enterpriseId, staging!.id);
      assert.deepEqual(
        staging!.credentials.map((c) => c.access),
        [KEYS.linked.accessKeyId],
      );
    };

    for (const fault of FAULTS) {
      it(`the enterprise POST, ${fault}: ${fault === 'dropped after the write' ? 'the enterprise was created, so its credentials follow' : 'nothing is created'}`, async () => {
        await sim.admin('POST', '/faults', inject(fault, {method: 'POST', path: '/admin/enterprises'}));
        const result = await add();
        if (fault === 'dropped after the write') return assertAdded(result);
        assert.equal(!result.ok && result.code, CODE[fault]);
        assert.deepEqual(await named('Staging'), []);
      });

      it(`the credentials POST, ${fault}: ${fault === 'dropped after the write' ? 'they were saved, so the account is added' : 'the enterprise is removed again'}`, async () => {
        await sim.admin('POST', '/faults', inject(fault, {method: 'POST', path: '/credentials'}));
        const result = await add();
        if (fault === 'dropped after the write') return assertAdded(result);
        assert.equal(!result.ok && result.code, 'ABIQUO_ACCOUNT_NOT_ADDED');
        assert.equal(!result.ok && result.facts?.cause, CODE[fault]);
        assert.deepEqual(await named('Staging'), []);
      });

      it(`removing the enterprise after refused credentials, ${fault}: ${fault === 'dropped after the write' ? 'it is gone, so "not added"' : 'it is reported as left without credentials'}`, async () => {
        await sim.admin('POST', '/faults', inject(fault, {method: 'DELETE', path: '/admin/enterprises/'}, {method: 'POST', path: '/credentials'}));
        const result = await add();
        const left = await named('Staging');
        if (fault === 'dropped after the write') {
          assert.equal(!result.ok && result.code, 'ABIQUO_ACCOUNT_NOT_ADDED');
          assert.deepEqual(left, []);
        } else {
          assert.equal(!result.ok && result.code, 'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED');
          assert.equal(!result.ok && result.facts?.undoFailed, CODE[fault]);
          assert.equal(left.length, 1);
          assert.equal(!result.ok && result.facts?.enterpriseId, left[0]!.id);
          assert.deepEqual(left[0]!.credentials, []);
        }
      });
    }
  });
});
