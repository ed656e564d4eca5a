/**
 * Browser tests, the e2e tests and the demo drive Debian's Chromium (nothing here can download a browser).
 * On a fresh machine it is installed with apt-get when missing.
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  console.log(`${chromiumPath} is missing: installing Debian's chromium (apt-get)…`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'chromium']]) {
    const [command, ...rest] = [...asRoot, ...args];
    const result = spawnSync(command!, rest, {stdio: 'inherit', env});
    if (result.status !== 0) throw new Error(`could not install chromium (${args.join(' ')} exited ${result.status}); install it and set CHROME_PATH`);
  }
}
