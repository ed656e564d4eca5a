import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {storageKey, storagePath} from './storage-key.ts';

describe('storageKey', () => {
  it('gives empty, . and .. segments reserved names and keeps every other key as it is', () => {
    assert.equal(storageKey('cur/abiquo-hourly/x.csv.gz'), 'cur/abiquo-hourly/x.csv.gz');
    assert.equal(storageKey('/report/x'), '_sandbox-empty-segment_/report/x');
    assert.equal(storageKey('a//b'), 'a/_sandbox-empty-segment_/b');
    assert.equal(storageKey('a/../b/./c'), 'a/_sandbox-dotdot-segment_/b/_sandbox-dot-segment_/c');
    assert.equal(storageKey('folder/'), 'folder/');
    assert.equal(storageKey('/'), '_sandbox-empty-segment_/');
    assert.equal(storageKey('..'), '_sandbox-dotdot-segment_');
  });

  it('URL-encodes each segment of the s3rver path', () => {
    assert.equal(storagePath('acme.billing.reports', '/a b/c+d'), '/acme.billing.reports/_sandbox-empty-segment_/a%20b/c%2Bd');
  });
});
