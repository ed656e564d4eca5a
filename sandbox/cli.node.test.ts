/**
 * `npm run sandbox` tried as a new user would: help, a mistyped scenario, a wrong option. (Starting and stopping
 * it: sandbox/abiquo/scenarios.node.test.ts.)
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {describe, it} from 'node:test';
import {scenariosDir} from './scenario.ts';

const root = new URL('..', import.meta.url);
const scenarioNames = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function sandbox(args: readonly string[]): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], {cwd: root}, (error, stdout, stderr) => {
      resolve({status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr});
    });
  });
}

const noStackTrace = (text: string) => assert.doesNotMatch(text, /^\s+at |ERR_[A-Z_]+|ENOENT/m);

describe('npm run sandbox', () => {
  for (const help of ['--help', '-h']) {
    it(`${help} prints the usage with every option and scenario on stdout, and exits 0 without starting anything`, async () => {
      const run = await sandbox([help]);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: npm run sandbox/);
      for (const flag of ['--scenario', '--latency', '--storage', '--help']) assert.ok(run.stdout.includes(flag), flag);
      const listed = run.stdout.match(/^Scenarios: (.*)$/m)?.[1]?.split(', ');
      assert.deepEqual(listed?.sort(), [...scenarioNames].sort());
      assert.doesNotMatch(run.stdout, /"console":/);
      assert.equal(run.stderr, '');
    });
  }

  it('an unknown scenario: names it and the known ones, exits 2, no stack trace', async () => {
    const run = await sandbox(['--scenario', 'happy-pth']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.split('\n')[0], `sandbox: unknown scenario happy-pth; known: ${[...scenarioNames].sort().join(', ')}`);
    assert.equal(run.stdout, '');
    noStackTrace(run.stderr);
  });

  it('an unknown option: names it, prints the usage, exits 2', async () => {
    const run = await sandbox(['--scenarios', 'happy-path']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^sandbox: unknown option --scenarios\n\nUsage: npm run sandbox/);
    noStackTrace(run.stderr);
  });

  it('a latency that is not a number of milliseconds: names it, exits 2', async () => {
    const run = await sandbox(['--latency', 'fast']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.split('\n')[0], 'sandbox: --latency must be a number of milliseconds, not "fast"');
  });
});
