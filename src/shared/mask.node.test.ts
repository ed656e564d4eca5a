import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maskKeyId, redact} from './mask.ts';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

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
});
