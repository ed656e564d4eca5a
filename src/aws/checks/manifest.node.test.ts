/** The rules of `checkManifestContent`, one test each: what a legacy manifest must say for Abiquo to read it. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {checkManifestContent, requiredColumns} from './manifest.ts';
import type {Check} from '../types.ts';

const expected = {bucket: 'acme-billing-reports', reportName: 'abiquo-hourly'};
const columns = [...requiredColumns, 'identity/LineItemId'].map((column) => {
  const [category, name] = column.split('/');
  return {category, name};
});
const good = {reportName: 'abiquo-hourly', bucket: 'acme-billing-reports', account: '123456789012', compression: 'GZIP', contentType: 'text/csv', columns};

const summary = (checks: Check[]) => checks.map((c) => `${c.status}:${c.code}`);

describe('checkManifestContent', () => {
  it('passes a GZIP CSV manifest of the expected report and bucket, and says its compression and payer', () => {
    const outcome = checkManifestContent(good, expected);
    assert.deepEqual(summary(outcome.checks), ['pass:MANIFEST_OK', 'pass:COLUMNS_OK']);
    assert.deepEqual(outcome.checks[0]!.facts, {reportName: 'abiquo-hourly', compression: 'GZIP', payerAccount: '123456789012'});
    assert.deepEqual({compression: outcome.compression, payerAccount: outcome.payerAccount}, {compression: 'GZIP', payerAccount: '123456789012'});
  });
  it('accepts ZIP as well', () => assert.equal(checkManifestContent({...good, compression: 'ZIP'}, expected).compression, 'ZIP'));
  it('answers only "Parquet is not supported" when the compression or the content type is Parquet', () => {
    for (const manifest of [
      {...good, compression: 'Parquet'},
      {...good, contentType: 'Parquet'},
    ]) {
      assert.deepEqual(summary(checkManifestContent(manifest, expected).checks), ['fail:PARQUET_UNSUPPORTED']);
    }
  });
  it('fails when the manifest names another report, and says which', () => {
    const {checks} = checkManifestContent({...good, reportName: 'other-report'}, expected);
    assert.deepEqual(summary(checks), ['fail:MANIFEST_NAME_MISMATCH', 'pass:COLUMNS_OK']);
    assert.deepEqual(checks[0]!.facts, {reportName: 'abiquo-hourly', found: 'other-report'});
  });
  it('only warns when the manifest names another bucket', () => {
    const {checks} = checkManifestContent({...good, bucket: 'source-bucket'}, expected);
    assert.deepEqual(summary(checks), ['pass:MANIFEST_OK', 'warn:MANIFEST_BUCKET_MISMATCH', 'pass:COLUMNS_OK']);
    assert.deepEqual(checks[1]!.facts, {bucket: 'acme-billing-reports', found: 'source-bucket'});
  });
  it('fails a compression other than GZIP or ZIP, or none, and gives no compression', () => {
    const outcome = checkManifestContent({...good, compression: 'NONE'}, expected);
    assert.deepEqual(summary(outcome.checks), ['fail:COMPRESSION_UNSUPPORTED', 'pass:COLUMNS_OK']);
    assert.equal(outcome.compression, undefined);
    const {compression: _c, ...withoutCompression} = good;
    assert.equal(checkManifestContent(withoutCompression, expected).checks[0]!.facts['compression'], '—');
  });
  it('fails a content type other than text/csv', () => {
    const {checks} = checkManifestContent({...good, contentType: 'application/octet-stream'}, expected);
    assert.deepEqual(summary(checks), ['fail:CONTENT_TYPE_UNSUPPORTED', 'pass:COLUMNS_OK']);
    assert.deepEqual(checks[0]!.facts, {contentType: 'application/octet-stream'});
  });
  it('lists every required cost column the manifest lacks', () => {
    const trimmed = columns.filter((c) => c.name !== 'BlendedCost' && c.name !== 'PayerAccountId');
    const {checks} = checkManifestContent({...good, columns: trimmed}, expected);
    assert.deepEqual(summary(checks), ['fail:COLUMNS_MISSING']);
    assert.deepEqual(checks[0]!.facts, {columns: ['lineItem/BlendedCost', 'bill/PayerAccountId']});
    assert.deepEqual(checkManifestContent({...good, columns: 'not a list'}, expected).checks[0]!.facts, {columns: [...requiredColumns]});
  });
  it('counts the columns when all required ones are there', () =>
    assert.deepEqual(checkManifestContent(good, expected).checks[1]!.facts, {count: columns.length}));
});
