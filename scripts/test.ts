/**
 * `npm test`: builds the extension (release and sandbox flavours), runs the Node-side tests (sandbox, engine,
 * Abiquo client, built worker bundle, e2e in Chromium and Firefox ESR, and the whole-flow e2e files again in the
 * oldest Firefox ESR supported) and the browser tests (components, console adapter), then prints one line
 * `N passed, N failed, N skipped`.
 *   npm test -- --node-only | --browser-only | --no-oldest-firefox | <file filter substring>
 * BOA_BROWSERS=chromium (or firefox) narrows the e2e browsers.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {ensureBrowsers, ensureOldestFirefox} from './ensure-browsers.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const results = path.join(root, '.test-results');
rmSync(results, {recursive: true, force: true});
mkdirSync(results, {recursive: true});

ensureBrowsers(['chromium', 'firefox', 'xvfb', 'xdotool']);
const env = {...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium'};

function run(command: string, commandArgs: readonly string[], extraEnv: Record<string, string> = {}): number {
  const result = spawnSync(command, commandArgs, {cwd: root, env: {...env, ...extraEnv}, stdio: 'inherit'});
  return result.status ?? 1;
}

function find(dir: string, suffix: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(root, dir), {withFileTypes: true})) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') find(relative, suffix, out);
    else if (entry.name.endsWith(suffix) && (!filter || relative.includes(filter))) out.push(relative);
  }
  return out;
}

function counts(file: string): {passed: number; failed: number; skipped: number} {
  const full = path.join(results, file);
  if (!existsSync(full)) return {passed: 0, failed: 1, skipped: 0}; // the runner died before reporting
  return JSON.parse(readFileSync(full, 'utf8')) as {passed: number; failed: number; skipped: number};
}

const totals = {passed: 0, failed: 0, skipped: 0};
const add = (part: {passed: number; failed: number; skipped: number}) => {
  totals.passed += part.passed;
  totals.failed += part.failed;
  totals.skipped += part.skipped;
};

/** node:test over `files`: the spec report on stdout, the counts in `results/<countsFile>`. */
function nodeTestArgs(countsFile: string, files: readonly string[]): string[] {
  return [
    '--import',
    'tsx',
    '--test',
    '--test-timeout=180000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./test/helpers/node-count-reporter.js',
    `--test-reporter-destination=${path.join(results, countsFile)}`,
    ...files,
  ];
}

if (run('npx', ['tsx', 'scripts/build.ts']) !== 0 || run('npx', ['tsx', 'scripts/build.ts', '--sandbox']) !== 0) {
  console.log('build failed');
  add({passed: 0, failed: 1, skipped: 0});
} else {
  if (!args.includes('--browser-only')) {
    const files = ['src', 'sandbox', 'test', 'bench'].flatMap((dir) => find(dir, '.node.test.ts'));
    if (files.length > 0) {
      const status = run('node', nodeTestArgs('node.json', files));
      const part = counts('node.json');
      if (status !== 0 && part.failed === 0) part.failed = 1; // a file that crashed outside any test
      add(part);
    }
    // The oldest Firefox ESR the manifest accepts: the e2e files that cover the whole flow, once more.
    const oldest = find('test/e2e', '.node.test.ts').filter((f) => /happy-path|extension\.node/.test(f));
    if (oldest.length > 0 && !args.includes('--no-oldest-firefox')) {
      const status = run('node', nodeTestArgs('oldest-firefox.json', oldest), {BOA_BROWSERS: 'firefox', FIREFOX_PATH: ensureOldestFirefox(root)});
      const part = counts('oldest-firefox.json');
      if (status !== 0 && part.failed === 0) part.failed = 1;
      add(part);
    }
  }
  if (!args.includes('--node-only')) {
    const files = find('src', '.test.ts').filter((f) => !f.endsWith('.node.test.ts'));
    if (files.length > 0) {
      const status = run('npx', ['wtr', ...(filter ? ['--files', ...files] : [])]);
      const part = counts('browser.json');
      if (status !== 0 && part.failed === 0) part.failed = 1;
      add(part);
    }
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
