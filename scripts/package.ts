/**
 * `npm run package`: builds the release flavour and zips dist/chrome and dist/firefox for the stores into
 * artifacts/billing-only-aws-<browser>-<version>.zip (manifest at the root of each zip, as the stores want).
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {zipSync} from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
if (spawnSync('npx', ['tsx', 'scripts/build.ts'], {cwd: root, stdio: 'inherit'}).status !== 0) process.exit(1);
const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};

function filesOf(dir: string, base = dir): Record<string, Uint8Array> {
  return Object.assign(
    {},
    ...readdirSync(dir).map((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesOf(full, base) : {[path.relative(base, full).split(path.sep).join('/')]: readFileSync(full)};
    }),
  ) as Record<string, Uint8Array>;
}

mkdirSync(path.join(root, 'artifacts'), {recursive: true});
for (const browser of ['chrome', 'firefox']) {
  const zip = zipSync(filesOf(path.join(root, 'dist', browser)), {level: 9});
  const out = path.join(root, 'artifacts', `billing-only-aws-${browser}-${version}.zip`);
  writeFileSync(out, zip);
  console.log(`${path.relative(root, out)} ${(zip.length / 1024).toFixed(1)} KB`);
}
