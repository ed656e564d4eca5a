import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {SCENARIO, startSimulatedAbiquo, type SimulatedAbiquo} from '../../test/helpers/simulated-abiquo.ts';
import {enterpriseIdNamed, hasName, listKeynodes} from './find-enterprise.ts';
import {createHttp, type AbiquoHttp} from './http.ts';

const signal = () => new AbortController().signal;

describe('finding the enterprise a dialog edits', () => {
  let sim: SimulatedAbiquo;
  let http: AbiquoHttp;
  before(async () => {
    sim = await startSimulatedAbiquo(SCENARIO);
    http = createHttp({apiBase: sim.apiBase, fetch: (await sim.session('admin', 'admin-password')).fetch});
  });
  after(() => sim.close());

  it('confirms an id by its whole name', async () => {
    assert.equal(await hasName(http, 42, 'Acme Keynode', signal()), true);
    assert.equal(await hasName(http, 42, 'Acme', signal()), false);
  });

  it('takes a name only when exactly one enterprise has it whole', async () => {
    assert.equal(await enterpriseIdNamed(http, 'Acme Keynode', signal()), 42);
    assert.equal(await enterpriseIdNamed(http, 'Acme', signal()), undefined); // two names contain it, none is it
  });

  it('offers the keynodes only', async () => {
    assert.deepEqual(
      (await listKeynodes(http, signal())).map((e) => e.id),
      [42],
    );
  });
});
