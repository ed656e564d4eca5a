import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {diffAmazonProperties, readCostBasis, toAmazonProperties} from './amazon-properties.ts';
import type {VerifiedReport} from './types.ts';

const report: VerifiedReport = {bucket: 'acme-billing-reports', region: 'eu-west-1', prefix: 'cur', reportName: 'abiquo-hourly', compression: 'GZIP'};

describe('amazon_* values', () => {
  it('writes bucket, region, report name and prefix as verified', () => {
    const values = toAmazonProperties(report, {costs: 'unblended'});
    assert.equal(values.amazon_bucket, 'acme-billing-reports');
    assert.equal(values.amazon_bucket_region, 'eu-west-1');
    assert.equal(values.amazon_report_name, 'abiquo-hourly');
    assert.equal(values.amazon_bucket_prefix, 'cur');
  });
  it('writes GZ for a GZIP report and ZIP for a ZIP report', () => {
    assert.equal(toAmazonProperties(report, {costs: 'unblended'}).amazon_billing_compress_format, 'GZ');
    assert.equal(toAmazonProperties({...report, compression: 'ZIP'}, {costs: 'unblended'}).amazon_billing_compress_format, 'ZIP');
  });
  it('keeps an existing GZIP for a GZIP report and does not flag it', () => {
    const values = toAmazonProperties(report, {costs: 'unblended'}, {amazon_billing_compress_format: 'GZIP'});
    assert.equal(values.amazon_billing_compress_format, 'GZIP');
    const line = diffAmazonProperties({amazon_billing_compress_format: 'GZIP'}, values).find((d) => d.name === 'amazon_billing_compress_format');
    assert.equal(line?.changed, false);
  });
  it('replaces an existing GZIP with ZIP for a ZIP report', () => {
    const values = toAmazonProperties({...report, compression: 'ZIP'}, {costs: 'unblended'}, {amazon_billing_compress_format: 'GZIP'});
    assert.equal(values.amazon_billing_compress_format, 'ZIP');
  });
  it('writes amazon_mpa dedicated for blended costs and shared for unblended', () => {
    assert.equal(toAmazonProperties(report, {costs: 'blended'}).amazon_mpa, 'dedicated');
    assert.equal(toAmazonProperties(report, {costs: 'unblended'}).amazon_mpa, 'shared');
  });
  it('keeps an existing amazon_mpa "no" when blended costs are chosen', () => {
    assert.equal(toAmazonProperties(report, {costs: 'blended'}, {amazon_mpa: 'no'}).amazon_mpa, 'no');
  });
  it('reads an absent amazon_mpa as unblended and "no" as blended', () => {
    assert.equal(readCostBasis({}), 'unblended');
    assert.equal(readCostBasis({amazon_mpa: 'no'}), 'blended');
    assert.equal(readCostBasis({amazon_mpa: 'dedicated'}), 'blended');
  });
  it('does not show absent → shared as a change', () => {
    const values = toAmazonProperties(report, {costs: 'unblended'});
    assert.equal(diffAmazonProperties({}, values).find((d) => d.name === 'amazon_mpa')?.changed, false);
  });
  it('writes the prefix without slashes', () => {
    assert.equal(toAmazonProperties({...report, prefix: '/cur/'}, {costs: 'unblended'}).amazon_bucket_prefix, 'cur');
  });
});
