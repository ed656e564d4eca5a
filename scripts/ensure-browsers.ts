/**
 * Browser tests, the e2e tests and the demo drive Debian's Chromium and Firefox ESR (nothing here can download a
 * browser); Firefox's keyboard e2e test types on a real X keyboard (Xvfb and xdotool). On a fresh machine the
 * missing ones are installed with apt-get. `CHROME_PATH` / `FIREFOX_PATH` point at another binary (e.g. an
 * unpacked older Firefox ESR).
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';
type Tool = BrowserName | 'xvfb' | 'xdotool';

const debian: Record<Tool, {path: string; packageName: string}> = {
  chromium: {path: process.env.CHROME_PATH ?? '/usr/bin/chromium', packageName: 'chromium'},
  firefox: {path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', packageName: 'firefox-esr'},
  xvfb: {path: '/usr/bin/Xvfb', packageName: 'xvfb'},
  xdotool: {path: '/usr/bin/xdotool', packageName: 'xdotool'},
};

export function browserPath(name: BrowserName): string {
  return debian[name].path;
}

export function ensureBrowsers(names: readonly Tool[]): void {
  const missing = names.filter((name) => !existsSync(debian[name].path));
  if (missing.length === 0) return;
  const packages = missing.map((name) => debian[name].packageName);
  console.log(`${missing.map((name) => debian[name].path).join(', ')} missing: installing Debian's ${packages.join(', ')} (apt-get)…`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', ...packages]]) {
    const [command, ...rest] = [...asRoot, ...args];
    const result = spawnSync(command!, rest, {stdio: 'inherit', env});
    if (result.status !== 0) throw new Error(`could not install ${packages.join(', ')} (${args.join(' ')} exited ${result.status}); install them and set CHROME_PATH / FIREFOX_PATH`);
  }
}
