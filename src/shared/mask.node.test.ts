import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maskKeyId, redact} from './mask.ts';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const plusSecret = 'je7MtGbClwBF+2Zp9Utk/h3yCo8nvbEXAMPLEKEY';

/** Asserts the text loses every piece of the secret longer than a few characters, whatever its encoding. */
function assertRedacted(text: string): void {
  const cleaned = redact(text);
  assert.match(cleaned, /\[redacted\]/, cleaned);
  for (const piece of ['wJalrXUtnFEMI', 'bPxRfiCY', 'je7MtGbClwBF', 'h3yCo8nvb']) assert.equal(cleaned.includes(piece), false, cleaned);
}

describe('redaction of logs and error details', () => {
  it('removes a secret standing alone, after key=, in JSON, and percent-encoded', () => {
    for (const text of [`secret ${secret} here`, `key=${secret}&x=1`, JSON.stringify({key: secret}), `key=${encodeURIComponent(secret)}`]) {
      const cleaned = redact(text);
      assert.equal(cleaned.includes(secret) || cleaned.includes(encodeURIComponent(secret)), false, cleaned);
      assert.match(cleaned, /\[redacted\]/);
    }
  });

  it('masks access key IDs and leaves ordinary text alone', () => {
    assert.equal(redact('key AKIAIOSFODNN7EXAMPLE denied'), 'key AKIA…MPLE denied');
    assert.equal(redact('bucket acme-billing-reports in eu-west-1'), 'bucket acme-billing-reports in eu-west-1');
    assert.equal(maskKeyId(' AKIAIOSFODNN7EXAMPLE '), 'AKIA…MPLE');
  });

  it('removes a secret right after a letter', () => {
    assertRedacted(`key${secret}`);
    assertRedacted(`secret:x${plusSecret}`);
    assertRedacted('keywJalrXUtnFEMIxKzMDENGbPxRfiCYEXAMPLEKEYQ'); // no digit, `/` or `+`
  });

  it('removes a secret after an escaped newline as JSON.stringify writes it (the logger stringifies objects)', () => {
    assertRedacted(JSON.stringify({note: `keys:\n${secret}`}));
    assertRedacted(JSON.stringify([`a\n${plusSecret}\tb`]));
  });

  it('removes a secret URL-encoded, also inside URL-encoded JSON and encoded twice', () => {
    assertRedacted(encodeURIComponent(JSON.stringify({key: secret})));
    assertRedacted(`body=${encodeURIComponent(JSON.stringify({key: plusSecret, x: 1}))}`);
    assertRedacted(`next=${encodeURIComponent(`?key=${encodeURIComponent(secret)}&x=1`)}`);
  });

  it('removes a secret whose slashes are JSON-escaped', () => {
    assertRedacted(`{"key":"${secret.replaceAll('/', '\\/')}"}`);
    assertRedacted(`{"key":"${plusSecret.replaceAll('/', '\\u002F').replaceAll('+', '\\u002b')}"}`);
  });

  it('removes a secret inside HTML entities', () => {
    assertRedacted(`<td>${secret.replace('/', '&#x2F;').replace('/', '&#47;')}</td>`);
    assertRedacted(`<td>${secret.replaceAll('/', '&sol;')}</td>`);
    assertRedacted(`<td>${plusSecret.replace('+', '&#43;').replace('/', '&#x2f;')}</td>`);
  });

  it('removes a secret followed by = or directly by letters', () => {
    assertRedacted(`secret=${secret}=`);
    assertRedacted(`${plusSecret}==`);
    assertRedacted(`${secret}abc`);
  });

  it('keeps git SHAs, ARNs, S3 keys, bucket names and URLs, also encoded', () => {
    const kept = [
      'commit 3f786850e387550fdab836ed7e6dc881de23001b',
      'COMMIT 3F786850E387550FDAB836ED7E6DC881DE23001B',
      'user arn:aws:iam::123456789012:user/abiquo-billing-user is not authorized',
      's3://acme-billing-reports/cur/abiquo-hourly/20261101-20261201/abiquo-hourly-Manifest.json',
      'https://abiquo.example.com/api/admin/enterprises/12/properties',
      'https://abiquo.example.com/api/admin/datacenters/3/datacenterrepositories/3/virtualmachinetemplates',
      'https://abiquo.example.com/api/admin/enterprises/datacenterRepositories/virtualMachineTemplates',
      encodeURIComponent('cur/abiquo-hourly/20261101-20261201/abiquo-hourly-Manifest.json'),
      JSON.stringify({url: 'https://abiquo.example.com/api/admin/enterprises/12/properties'}).replaceAll('/', '\\/'),
      'arn&#x3A;aws&#x3A;iam&#x3A;&#x3A;123456789012&#x3A;user&#x2F;abiquo-billing-user',
      'The enterprise Acme Billing Only was created in datacenter Barcelona with 12 users',
    ];
    for (const text of kept) assert.equal(redact(text), text);
    const presigned = (keyId: string) =>
      'https://acme-billing-reports.s3.eu-west-1.amazonaws.com/cur/abiquo-hourly/20261101-20261201/abiquo-hourly-Manifest.json' +
      `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${keyId}%2F20261101%2Feu-west-1%2Fs3%2Faws4_request` +
      '&X-Amz-Signature=8bc1e3b5a7e9d2f4c6b8a0e2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2';
    assert.equal(redact(presigned('AKIAIOSFODNN7EXAMPLE')), presigned('AKIA…MPLE'));
  });
});
