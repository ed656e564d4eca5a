/**
 * `npm start` without a display (scripts/start.ts, with the sandbox build already in dist/) drives the demo
 * headless and leaves the git tree as it was: its screenshots go to the ignored .demo-screenshots/, never to the
 * tracked docs/screenshots/ (only `--update-screenshots` writes those).
 */
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {it} from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const git = (...args: string[]) => spawnSync('git', args, {cwd: root, encoding: 'utf8'});
const inGit = git('rev-parse', '--is-inside-work-tree').stdout.trim() === 'true';

/** What `git status` lists, one entry a line (untracked files one by one). */
const status = () => new Set(git('status', '--porcelain', '--untracked-files=all').stdout.split('\n').filter(Boolean));

/** The tracked screenshots' contents, by file. */
function trackedScreenshots(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), {withFileTypes: true})) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else
        files[relative] = createHash('sha256')
          .update(readFileSync(path.join(root, relative)))
          .digest('hex');
    }
  };
  walk('docs/screenshots');
  return files;
}

it(
  'npm start without a display writes its screenshots to the ignored .demo-screenshots/ and leaves git status as it was',
  {skip: !inGit && 'not a git work tree'},
  async () => {
    const before = status();
    const screenshotsBefore = trackedScreenshots();
    const env: NodeJS.ProcessEnv = {...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'};
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--skip-build'], {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    let exit = '';
    try {
      // The JSON line comes once the whole flow has run and its screenshots are written.
      await new Promise<void>((resolve, reject) => {
        let errors = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/^\{"console":/m.test(output)) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}\n${errors}`)));
      });
    } finally {
      const exited = new Promise<string>((resolve) =>
        child.exitCode === null && child.signalCode === null
          ? child.once('exit', (code, signal) => resolve(`${code} ${signal}`))
          : resolve(`${child.exitCode} ${child.signalCode}`),
      );
      child.kill('SIGTERM');
      exit = await exited;
    }
    assert.equal(exit, '0 null', 'SIGTERM stops the demo and its sandbox cleanly');

    assert.match(output, /^No display: driving the demo in Chromium and writing screenshots to \.demo-screenshots\//m);
    const written = [...output.matchAll(/^ {2}(\S+\.png)$/gm)].map((match) => match[1]!);
    // Every step (8) in each language the scenario has a console user for: English, then Spanish in es/.
    assert.equal(written.length, 16, output);
    assert.equal(written.filter((file) => file.startsWith('.demo-screenshots/es/')).length, 8, output);
    for (const file of written) {
      assert.ok(file.startsWith('.demo-screenshots/'), `${file} is outside .demo-screenshots/`);
      assert.ok(existsSync(path.join(root, file)), `${file} was written`);
    }
    assert.deepEqual(
      git('check-ignore', ...written)
        .stdout.split('\n')
        .filter(Boolean),
      written,
      'git ignores every screenshot written',
    );
    assert.deepEqual(trackedScreenshots(), screenshotsBefore, 'docs/screenshots/ untouched');
    // Only what the demo could have written: other files may change meanwhile in a shared working tree.
    const appeared = [...status()].filter((entry) => !before.has(entry));
    assert.deepEqual(
      appeared.filter((entry) => /\.png$|docs\/|\.demo-screenshots|\.gitignore/.test(entry)),
      [],
      'git status shows nothing new from the demo',
    );
  },
);
