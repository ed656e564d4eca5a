import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {originPattern, parseConsoleOrigin} from './console-origin.ts';

describe('the console origin an operator enables', () => {
  it('keeps only the origin of an https console address', () => {
    assert.deepEqual(parseConsoleOrigin(' https://abiquo.example.com:8443/ui/#/enterprises '), {ok: true, value: 'https://abiquo.example.com:8443'});
  });

  it('refuses plain http except on the loopback hosts the manifest can grant', () => {
    assert.deepEqual(parseConsoleOrigin('http://abiquo.example.com/ui/'), {ok: false, code: 'ORIGIN_INSECURE', facts: {origin: 'http://abiquo.example.com'}});
    assert.deepEqual(parseConsoleOrigin('http://127.0.0.1:9000/'), {ok: true, value: 'http://127.0.0.1:9000'});
    assert.deepEqual(parseConsoleOrigin('http://localhost:9000/'), {ok: true, value: 'http://localhost:9000'});
    assert.equal(parseConsoleOrigin('http://[::1]:9000/').ok, false, '[::1] is not among the optional host permissions');
  });

  it('refuses what is not a web address', () => {
    assert.equal(parseConsoleOrigin('abiquo').ok, false);
    assert.equal(parseConsoleOrigin('ftp://abiquo.example.com/').ok, false);
  });

  it('asks for the host on every port (browsers ignore ports in host permissions)', () => {
    assert.equal(originPattern('https://abiquo.example.com:8443'), 'https://abiquo.example.com/*');
  });
});
