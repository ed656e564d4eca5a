/**
 * The built manifests: what the stores and browsers check, and least privilege: no broad required host permission
 * (the operator grants each console origin at run time), AWS endpoints the only fixed hosts.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const manifest = (build: string) => JSON.parse(readFileSync(path.join(root, 'dist', build, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('built manifests', () => {
  it('web-ext lint finds no error and no warning in the Firefox release build', () => {
    const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-input'], {cwd: root, encoding: 'utf8'});
    const report = JSON.parse(result.stdout) as {errors: {code: string; message: string}[]; warnings: {code: string; file?: string; message: string}[]};
    assert.deepEqual(
      report.errors.map((e) => `${e.code}: ${e.message}`),
      [],
    );
    assert.deepEqual(
      report.warnings.map((w) => `${w.code} in ${w.file ?? 'the package'}: ${w.message}`),
      [],
    );
  });

  it('the Firefox tab UI carries no custom-elements polyfill (Firefox content scripts have their own registry); the light content script none at all', () => {
    assert.equal(readFileSync(path.join(root, 'dist/firefox/tab-ui.js'), 'utf8').includes('__CE_'), false);
    assert.equal(readFileSync(path.join(root, 'dist/chrome/tab-ui.js'), 'utf8').includes('__CE_'), true);
    assert.equal(readFileSync(path.join(root, 'dist/chrome/content.js'), 'utf8').includes('__CE_'), false);
  });

  for (const build of ['chrome', 'firefox']) {
    it(`${build}: MV3, AWS as the only fixed host, consoles optional, no <all_urls>`, () => {
      const m = manifest(build);
      assert.equal(m.manifest_version, 3);
      assert.deepEqual(m.host_permissions, ['https://*.amazonaws.com/*']);
      assert.ok(Array.isArray(m.optional_host_permissions));
      assert.equal(JSON.stringify(m).includes('<all_urls>'), false);
      assert.equal(m.default_locale, 'en');
      assert.match(String((m.content_security_policy as {extension_pages: string}).extension_pages), /script-src 'self'/);
    });
  }

  it('the permissions are exactly what the product needs, and only the key form and the billing preview can be framed, only on console hosts', () => {
    for (const build of ['chrome', 'firefox']) {
      const m = manifest(build);
      assert.deepEqual(m.permissions, ['storage', 'scripting', 'webRequest', 'activeTab']);
      assert.deepEqual(m.optional_host_permissions, ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
      assert.deepEqual(m.web_accessible_resources, [{resources: ['keys-frame.html', 'preview-frame.html'], matches: m.optional_host_permissions}]);
    }
    // Chrome: no other extension and no web page may message the worker.
    assert.deepEqual(manifest('chrome').externally_connectable, {ids: [], matches: []});
  });

  it('the Chrome build runs a module service worker; the Firefox build uses background scripts', () => {
    assert.deepEqual(manifest('chrome').background, {service_worker: 'background.js', type: 'module'});
    assert.deepEqual((manifest('firefox').background as {scripts: string[]}).scripts, ['background.js']);
  });

  it('the release build holds no simulation endpoint; only the sandbox build reaches loopback', () => {
    for (const file of ['background.js', 'content.js', 'tab-ui.js']) {
      const source = readFileSync(path.join(root, 'dist/chrome', file), 'utf8');
      assert.equal(source.includes('sandbox-endpoints.json'), false, `${file} mentions the sandbox`);
      assert.equal(/https?:\/\/(?:127\.0\.0\.1|localhost):\d/.test(source), false, `${file} holds a loopback endpoint`);
    }
    for (const build of ['sandbox-chrome', 'sandbox-firefox']) assert.ok((manifest(build).host_permissions as string[]).includes('http://127.0.0.1/*'));
  });

  it('the content scripts (the light one and the tab UI) contain no AWS SDK code', () => {
    for (const build of ['chrome', 'firefox']) {
      for (const file of ['content.js', 'tab-ui.js']) {
        const source = readFileSync(path.join(root, `dist/${build}/${file}`), 'utf8');
        assert.equal(/@aws-sdk|SignatureV4|x-amz-content-sha256/i.test(source), false, `${build}/${file}`);
      }
    }
  });
});
