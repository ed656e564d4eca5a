import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {LINKED_KEYS} from '../aws/demo-keys.ts';
import {listScenarios} from '../scenario.ts';
import {startSandbox} from '../server.ts';
import {admin, browser, mt} from './test-client.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

for (const name of listScenarios()) {
  test(`the ${name} scenario loads, starts and lets its first user log in`, async () => {
    const sandbox = await startSandbox({scenario: name});
    try {
      const b = browser(sandbox.apiUrl);
      assert.equal((await b.login(sandbox.login.user, sandbox.login.password)).status, 200);
      const page = await b.http.get(`${sandbox.apiUrl}/admin/enterprises`, {headers: {Accept: mt('enterprises')}}).json<{totalSize: number}>();
      assert.ok(page.totalSize > 0);
      assert.equal((await fetch(sandbox.consoleUrl)).status, 200);
    } finally {
      await sandbox.close();
    }
  });
}

test('keynode-three-linked-accounts has three linked enterprises in the keynode scope, two with AMAZON credentials of linked accounts', async () => {
  const sandbox = await startSandbox({scenario: 'keynode-three-linked-accounts'});
  try {
    const b = browser(sandbox.apiUrl);
    await b.login('admin', 'admin-demo');
    const inScope = await b.http
      .get(`${sandbox.apiUrl}/admin/enterprises?idScope=3`, {headers: {Accept: mt('enterprises')}})
      .json<{collection: {id: number; keyNode: boolean}[]}>();
    const linked = inScope.collection.filter((e) => !e.keyNode);
    assert.equal(linked.length, 3);
    const withCredentials = [];
    for (const e of linked) {
      const list = await b.http.get(`${sandbox.apiUrl}/admin/enterprises/${e.id}/credentials`, {headers: {Accept: mt('publiccloudcredentialslist')}});
      const text = await list.text();
      for (const key of LINKED_KEYS) assert.ok(!text.includes(key.accessKeyId) && !text.includes(key.secretAccessKey));
      if ((JSON.parse(text) as {collection: unknown[]}).collection.length) withCredentials.push(e.id);
    }
    assert.equal(withCredentials.length, 2);
    const state = await admin(sandbox.origin).get(`state/enterprises/${withCredentials[0]}`).json<{credentials: {access: string}[]}>();
    assert.ok(
      LINKED_KEYS.some((k) => k.accessKeyId === state.credentials[0]?.access),
      'the stored key ID is a linked account key',
    );
  } finally {
    await sandbox.close();
  }
});

test('amazon-props-already-set keeps the keynode other properties beside the partial amazon_* ones', async () => {
  const sandbox = await startSandbox({scenario: 'amazon-props-already-set'});
  try {
    const b = browser(sandbox.apiUrl);
    await b.login('admin', 'admin-demo');
    const props = await b.http
      .get(`${sandbox.apiUrl}/admin/enterprises/42/properties`, {headers: {Accept: mt('enterpriseproperties')}})
      .json<{properties: Record<string, string>}>();
    assert.deepEqual(props.properties, {
      cost_center: 'CC-42',
      contact: 'billing@acme.example',
      amazon_bucket: 'acme-billing-reports',
      amazon_billing_compress_format: 'GZIP',
      amazon_mpa: 'no',
    });
  } finally {
    await sandbox.close();
  }
});

test('the sandbox command (sandbox/cli.ts, what npm run sandbox runs) prints one JSON line with the URLs and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--scenario', 'happy-path'], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
  try {
    const line = await new Promise<string>((resolve, reject) => {
      // Only a guard against a hang: the start-up time is measured by npm run bench.
      const timer = setTimeout(() => reject(new Error('no JSON line within 60 s')), 60_000);
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        if (buffer.includes('\n')) {
          clearTimeout(timer);
          resolve(buffer.slice(0, buffer.indexOf('\n')));
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const urls = JSON.parse(line) as {console: string; api: string; s3: string; sts: string; login: {user: string; password: string}};
    assert.match(urls.console, /^http:\/\/127\.0\.0\.1:\d+\/ui\/$/);
    assert.equal(urls.api, urls.console.replace(/\/ui\/$/, '/api'));
    assert.match(urls.s3, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(urls.sts, /^http:\/\/127\.0\.0\.1:\d+$/);
    const b = browser(urls.api);
    assert.equal((await b.login(urls.login.user, urls.login.password)).status, 200);
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
});
