import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {logger} from './log.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('the logger', () => {
  const lines: string[] = [];
  const original = console.error;
  beforeEach(() => {
    lines.length = 0;
    console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.error = original;
  });

  it('never writes a secret that slipped into a message, an error or a value', () => {
    logger('test').error('saving failed for', {access: 'AKIAIOSFODNN7EXAMPLE', key: SECRET}, new Error(`AWS said: ${SECRET}`));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^\[boa:test\] saving failed for/);
    assert.ok(!lines[0]!.includes(SECRET), lines[0]);
  });
});
