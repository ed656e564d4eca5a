import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseRegion} from './parse-location.ts';

describe('regions, however they were written', () => {
  it("reads S3's legacy location constraints: EU is eu-west-1, US (the empty constraint) us-east-1", () => {
    // GetBucketLocation API reference: "EU" for buckets created in eu-west-1 with the legacy constraint, and an
    // empty LocationConstraint for us-east-1.
    assert.deepEqual(parseRegion('EU'), {ok: true, value: 'eu-west-1'});
    assert.deepEqual(parseRegion(' eu '), {ok: true, value: 'eu-west-1'});
    assert.deepEqual(parseRegion('US'), {ok: true, value: 'us-east-1'});
    assert.deepEqual(parseRegion('EU-WEST-1'), {ok: true, value: 'eu-west-1'});
  });

  it('quotes a malformed region as it was typed', () => {
    assert.deepEqual(parseRegion('Ireland'), {ok: false, code: 'REGION_MALFORMED', facts: {region: 'Ireland'}});
  });
});
