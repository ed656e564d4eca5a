import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cleanField, parseAccessKeysCsv, parseCloudFormationOutputs, parseKeysPaste} from './parse-keys.ts';
import {holdsSecret, normalizePrefix, parseBucket, parsePrefix, parseRegion, parseReportName} from './parse-location.ts';
import {checkKeyFormat} from './checks/key-format.ts';

const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('pasted keys', () => {
  it('trims whitespace, invisible characters and quotes around a field', () => {
    assert.equal(cleanField(`  "${ID}"\t`), ID);
    assert.equal(cleanField(`\ufeff'${SECRET}' `), SECRET);
  });
  it('reads accessKeys.csv as AWS downloads it, with a BOM', () => {
    const csv = `\ufeffAccess key ID,Secret access key\r\n${ID},${SECRET}\r\n`;
    assert.deepEqual(parseAccessKeysCsv(csv), {ok: true, value: [{accessKeyId: ID, secretAccessKey: SECRET}]});
  });
  it('reads the variant of accessKeys.csv with a User name column', () => {
    const csv = `User name,Access key ID,Secret access key\nabiquo-billing-user,${ID},${SECRET}\n`;
    assert.deepEqual(parseKeysPaste(csv), {ok: true, value: {keys: {accessKeyId: ID, secretAccessKey: SECRET, userName: 'abiquo-billing-user'}}});
  });
  it('reads the text of a CloudFormation Outputs tab', () => {
    const text = `Key\tValue\tDescription\tExport name\nUserName\tabiquo-billing-user\tThe billing user\t-\nAccessKeyId\t${ID}\tAccess key\t-\nSecretAccessKey\t${SECRET}\tSecret\t-\n`;
    assert.deepEqual(parseCloudFormationOutputs(text), {ok: true, value: {accessKeyId: ID, secretAccessKey: SECRET, userName: 'abiquo-billing-user'}});
  });
  it('says when a paste holds no key pair', () => {
    assert.equal(parseKeysPaste('hello world').ok, false);
  });
});

describe('bucket, region, prefix and report name', () => {
  const cases: [string, object][] = [
    ['acme-billing-reports', {bucket: 'acme-billing-reports'}],
    ['s3://acme-billing-reports/cur/abiquo-hourly/', {bucket: 'acme-billing-reports', path: 'cur/abiquo-hourly'}],
    [
      'https://s3.console.aws.amazon.com/s3/buckets/acme-billing-reports?region=eu-west-1&prefix=cur/&showversions=false',
      {bucket: 'acme-billing-reports', path: 'cur', region: 'eu-west-1'},
    ],
    [
      'https://eu-west-1.console.aws.amazon.com/s3/buckets/acme-billing-reports?region=eu-west-1&prefix=cur%2Fabiquo%2F',
      {bucket: 'acme-billing-reports', path: 'cur/abiquo', region: 'eu-west-1'},
    ],
    ['arn:aws:s3:::acme-billing-reports', {bucket: 'acme-billing-reports'}],
    ['arn:aws:s3:::acme-billing-reports/cur/*', {bucket: 'acme-billing-reports', path: 'cur'}],
    ['https://acme-billing-reports.s3.eu-west-1.amazonaws.com/cur/', {bucket: 'acme-billing-reports', path: 'cur', region: 'eu-west-1'}],
  ];
  for (const [typed, expected] of cases) {
    it(`accepts ${typed.slice(0, 60)}`, () => assert.deepEqual(parseBucket(typed), {ok: true, value: expected}));
  }
  it('names the bucket field for a malformed bucket', () => {
    assert.deepEqual(parseBucket('my bucket!'), {ok: false, code: 'BUCKET_MALFORMED', facts: {bucket: 'my bucket!'}});
  });
  it('accepts region codes and rejects anything else', () => {
    assert.deepEqual(parseRegion(' eu-west-1 '), {ok: true, value: 'eu-west-1'});
    assert.deepEqual(parseRegion('us-gov-west-1'), {ok: true, value: 'us-gov-west-1'});
    assert.equal(parseRegion('Ireland').ok, false);
  });
  it('normalises prefixes without leading or trailing slashes', () => {
    assert.equal(normalizePrefix('/cur//hourly/'), 'cur/hourly');
    assert.deepEqual(parsePrefix(' /cur/ '), {ok: true, value: 'cur'});
    assert.equal(parsePrefix('cur reports').ok, false);
  });
  it('rejects a report name with a space', () => {
    assert.equal(parseReportName('abiquo hourly').ok, false);
    assert.deepEqual(parseReportName('abiquo-hourly'), {ok: true, value: 'abiquo-hourly'});
  });
});

describe('a secret pasted where a location belongs', () => {
  it('is recognised by its shape or as the pasted secret', () => {
    assert.equal(holdsSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', undefined), true);
    assert.equal(holdsSecret('s3://bucket/wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', undefined), true);
    assert.equal(holdsSecret('abc', 'abc'), false, 'too short to be a secret');
    assert.equal(holdsSecret('my-bucket-Abcdefghijklmnop', 'my-bucket-Abcdefghijklmnop'), true);
  });
  it('is not confused with long lowercase bucket names or prefixes', () => {
    assert.equal(holdsSecret('acmecorporationbillingreports2025archive01', undefined), false);
    assert.equal(holdsSecret('s3://acme-billing-reports/cur/abiquo-hourly/', undefined), false);
  });
});

describe('key format', () => {
  const codes = (id: string, secret: string) => checkKeyFormat({accessKeyId: id, secretAccessKey: secret}).map((c) => `${c.status}:${c.code}`);
  it('passes a well-formed pair and masks the ID', () => {
    assert.deepEqual(checkKeyFormat({accessKeyId: ID, secretAccessKey: SECRET}), [
      {code: 'KEY_FORMAT_OK', status: 'pass', field: 'accessKeyId', facts: {accessKeyId: 'AKIA…MPLE'}},
    ]);
  });
  it('reports missing fields', () => assert.deepEqual(codes('', ''), ['fail:KEY_ID_MISSING', 'fail:SECRET_MISSING']));
  it('reports a malformed ID and a short secret', () => assert.deepEqual(codes('AKIA123', 'abc'), ['fail:KEY_ID_MALFORMED', 'fail:SECRET_MALFORMED']));
  it('notices swapped fields', () => assert.deepEqual(codes(SECRET, ID), ['fail:KEYS_SWAPPED']));
  it('warns on temporary ASIA keys', () => assert.deepEqual(codes('ASIAIOSFODNN7EXAMPLE', SECRET), ['warn:KEY_ID_TEMPORARY']));
});
