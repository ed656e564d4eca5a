import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isKeysFrameIn} from './keys-frame.ts';

describe('messages to the key-entry frame', () => {
  const state = {heading: 'Pricing credentials', errors: {}, accepted: false};
  it('carry the expected IAM user with the state, for the row of a CSV of several users', () => {
    assert.equal(isKeysFrameIn({type: 'state', state}), true);
    assert.equal(isKeysFrameIn({type: 'state', state: {...state, expectedUserName: 'abiquo-billing-user'}}), true);
  });
  it('refuse an expected user that is not a string', () => {
    assert.equal(isKeysFrameIn({type: 'state', state: {...state, expectedUserName: 7}}), false);
    assert.equal(isKeysFrameIn({type: 'state', state: {...state, expectedUserName: {name: 'x'}}}), false);
  });
});
