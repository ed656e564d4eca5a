/**
 * `npm run sandbox`'s ports: fixed by default (where the sandbox build loaded by hand sends AWS requests), each one
 * can be changed, and a port already taken is named with the option that changes it. These tests never take the
 * default ports themselves (a running `npm run sandbox` may hold them).
 */
import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {createServer, type AddressInfo, type Server} from 'node:net';
import {describe, it} from 'node:test';
import {DEFAULT_PORTS} from './server.ts';

const root = new URL('..', import.meta.url);

function sandbox(args: readonly string[]): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], {cwd: root}, (error, stdout, stderr) => {
      resolve({status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr});
    });
  });
}

/** A server holding a free loopback port, as another program would. */
async function holdPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe('npm run sandbox ports', () => {
  it('--help names each port option with its default', async () => {
    const run = await sandbox(['--help']);
    assert.equal(run.status, 0);
    for (const [service, port] of Object.entries(DEFAULT_PORTS))
      assert.match(run.stdout, new RegExp(`--${service}-port PORT .*\\(default: ${port}\\)`), service);
  });

  it('a port already taken: names it, the service and the option to change it; exits 1 without a stack trace', async () => {
    const held = await holdPort();
    try {
      const run = await sandbox(['--console-port', '0', '--s3-port', String(portOf(held)), '--sts-port', '0', '--cur-port', '0']);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(
        run.stderr,
        `sandbox: port ${portOf(held)} (S3) is already in use (another npm run sandbox?): stop what holds it, or choose another with --s3-port PORT (0: any free port)\n`,
      );
    } finally {
      held.close();
    }
  });

  it('a port that is not a number: names the option, exits 2', async () => {
    const run = await sandbox(['--sts-port', 'high']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.split('\n')[0], 'sandbox: --sts-port must be a port number from 0 to 65535, not "high"');
  });

  it('listens on the ports given, and its JSON line says so', async () => {
    // Free ports found by holding them, released just before the sandbox takes them.
    const held = await Promise.all([holdPort(), holdPort(), holdPort(), holdPort()]);
    const [consolePort, s3, sts, cur] = held.map(portOf) as [number, number, number, number];
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'sandbox/cli.ts',
        '--console-port',
        String(consolePort),
        '--s3-port',
        String(s3),
        '--sts-port',
        String(sts),
        '--cur-port',
        String(cur),
      ],
      {cwd: root, stdio: ['ignore', 'pipe', 'pipe']},
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        let errors = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.includes('\n')) resolve(buffer.slice(0, buffer.indexOf('\n')));
        });
        child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${errors}`)));
      });
      const urls = JSON.parse(line) as {console: string; s3: string; sts: string; cur: string};
      assert.equal(urls.console, `http://127.0.0.1:${consolePort}/ui/`);
      assert.equal(urls.s3, `http://127.0.0.1:${s3}`);
      assert.equal(urls.sts, `http://127.0.0.1:${sts}`);
      assert.equal(urls.cur, `http://127.0.0.1:${cur}`);
    } finally {
      const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code} ${signal}`)));
      child.kill('SIGTERM');
      assert.equal(await exited, '0 null');
    }
  });
});
