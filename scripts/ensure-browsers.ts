/**
 * Browser tests, the e2e tests and the demo drive Debian's Chromium and Firefox ESR (nothing here can download a
 * browser); Firefox's keyboard e2e test types on a real X keyboard (Xvfb and xdotool). On a fresh machine the
 * missing ones are installed with apt-get. `CHROME_PATH` / `FIREFOX_PATH` point at another binary (e.g. an
 * unpacked older Firefox ESR).
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';

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

/** `Mozilla Firefox 153.8.0esr` → `firefox 153.8.0esr`: which build a test title speaks of. */
export function browserVersion(name: BrowserName): string {
  const printed = spawnSync(browserPath(name), ['--version'], {encoding: 'utf8'}).stdout ?? '';
  return `${name} ${/\d+\.[\w.]+/.exec(printed)?.[0] ?? ''}`.trim();
}

export function ensureBrowsers(names: readonly Tool[]): void {
  const missing = names.filter((name) => !existsSync(debian[name].path));
  if (missing.length === 0) return;
  const packages = missing.map((name) => debian[name].packageName);
  console.log(`${missing.map((name) => debian[name].path).join(', ')} missing: installing Debian's ${packages.join(', ')} (apt-get)…`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...packages],
  ]) {
    const [command, ...rest] = [...asRoot, ...args];
    const result = spawnSync(command!, rest, {stdio: 'inherit', env});
    if (result.status !== 0)
      throw new Error(`could not install ${packages.join(', ')} (${args.join(' ')} exited ${result.status}); install them and set CHROME_PATH / FIREFOX_PATH`);
  }
}

/** The oldest Firefox ESR the extension supports (manifest/firefox.json `strict_min_version`). */
export const OLDEST_FIREFOX_ESR = '140';

/**
 * Debian's previous Firefox ESR, unpacked (not installed) under .cache/: the e2e suite also runs there, since the
 * manifest promises it. Its .deb comes from Debian's own archive (`apt-get download`).
 */
export function ensureOldestFirefox(root: string): string {
  const dir = `${root}/.cache/firefox-esr-${OLDEST_FIREFOX_ESR}`;
  const binary = `${dir}/usr/lib/firefox-esr/firefox-esr`;
  if (existsSync(binary)) return binary;
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  const offered = () =>
    spawnSync('apt-cache', ['madison', 'firefox-esr'], {encoding: 'utf8', env})
      .stdout.split('\n')
      .map((line) => line.split('|')[1]?.trim())
      .find((v) => v?.startsWith(`${OLDEST_FIREFOX_ESR}.`));
  let version = offered();
  if (!version) {
    spawnSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
    version = offered();
  }
  if (!version) throw new Error(`Debian's archive offers no firefox-esr ${OLDEST_FIREFOX_ESR}.x (apt-cache madison firefox-esr); run apt-get update`);
  mkdirSync(dir, {recursive: true});
  console.log(`Unpacking Debian's firefox-esr ${version} into ${dir}…`);
  for (const [command, args, cwd] of [
    ['apt-get', ['download', `firefox-esr=${version}`], dir],
    ['sh', ['-c', 'dpkg-deb -x firefox-esr_*.deb . && rm firefox-esr_*.deb'], dir],
  ] as const) {
    const result = spawnSync(command, args, {stdio: 'inherit', env, cwd});
    if (result.status !== 0) throw new Error(`could not unpack firefox-esr ${version} (${command} exited ${result.status})`);
  }
  return binary;
}
