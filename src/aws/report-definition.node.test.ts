/** The rules of `checkReportDefinition`, one test each: what the CUR API's answer says about the chosen report. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ReportDefinition} from './cur-api.ts';
import {checkReportDefinition} from './checks/report-definition.ts';
import type {Check} from './types.ts';

const report = {bucket: 'acme-billing-reports', prefix: 'cur', reportName: 'abiquo-hourly'};
const definition: ReportDefinition = {
  ReportName: 'abiquo-hourly',
  TimeUnit: 'HOURLY',
  S3Bucket: 'acme-billing-reports',
  S3Prefix: 'cur',
  ReportStatus: {lastDelivery: '20250615T070000Z', lastStatus: 'SUCCESS'},
};
const check = (...definitions: ReportDefinition[]) => checkReportDefinition({definitions}, report);
const summary = (checks: Check[]) => checks.map((c) => `${c.status}:${c.code}`);

describe('checkReportDefinition', () => {
  it('skips, with the reason, when the definitions could not be read', () =>
    assert.deepEqual(checkReportDefinition({unreadable: 'AccessDeniedException'}, report), [
      {code: 'REPORT_DEFINITION_UNREADABLE', status: 'skipped', facts: {reportName: 'abiquo-hourly', reason: 'AccessDeniedException'}},
    ]));
  it('says the report is defined elsewhere (not a missing permission) when no definition has the same name, bucket and prefix', () => {
    for (const other of [
      {...definition, ReportName: 'Abiquo-Hourly'},
      {...definition, S3Bucket: 'other-bucket'},
      {...definition, S3Prefix: 'reports'},
    ]) {
      assert.deepEqual(check(other), [{code: 'REPORT_DEFINITION_ELSEWHERE', status: 'skipped', facts: {reportName: 'abiquo-hourly', count: 1}}]);
    }
    assert.deepEqual(check()[0]!.code, 'REPORT_DEFINITION_ELSEWHERE', 'no definition at all in the account');
  });
  it('matches a prefix written with slashes around it', () => assert.deepEqual(summary(check({...definition, S3Prefix: '/cur/'})), ['pass:REPORT_HOURLY']));
  it('passes an hourly report that delivers', () => assert.deepEqual(summary(check({...definition, ReportName: 'other'}, definition)), ['pass:REPORT_HOURLY']));
  it('blocks a daily or monthly report (the procedure requires hourly), naming its time unit', () => {
    const [hourly] = check({...definition, TimeUnit: 'MONTHLY'});
    assert.deepEqual(hourly, {code: 'REPORT_NOT_HOURLY', status: 'fail', field: 'reportName', facts: {reportName: 'abiquo-hourly', timeUnit: 'MONTHLY'}});
    const {TimeUnit: _t, ...withoutTimeUnit} = definition;
    assert.equal(check(withoutTimeUnit)[0]!.facts['timeUnit'], '—');
  });
  it('fails when AWS says it cannot deliver, with its status', () =>
    assert.deepEqual(check({...definition, ReportStatus: {lastStatus: 'ERROR_NO_BUCKET'}})[1], {
      code: 'REPORT_DELIVERY_FAILING',
      status: 'fail',
      field: 'bucket',
      facts: {reportName: 'abiquo-hourly', lastStatus: 'ERROR_NO_BUCKET'},
    }));
  it('says nothing about delivery before the first one', () => assert.deepEqual(summary(check({...definition, ReportStatus: {}})), ['pass:REPORT_HOURLY']));
});
