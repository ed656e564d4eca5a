/**
 * Every package the lockfile installs runs on the oldest Node the project says it supports (`engines.node` of
 * package.json): otherwise `npm ci` warns EBADENGINE, and that package may not run where the project says it does.
 * When an update asks for a newer Node, pin the newest version that still accepts ours, or raise ours everywhere.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import semver from 'semver';

interface LockedPackage {
  readonly version?: string;
  readonly engines?: {readonly node?: string} | readonly string[];
}

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {engines: {node: string}};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {packages: Record<string, LockedPackage>};

describe('Node versions', () => {
  const ours = manifest.engines.node;
  const oldest = semver.minVersion(ours);

  it("the lockfile records the project's own engines", () => {
    assert.ok(oldest, `package.json engines.node "${ours}" names no version`);
    assert.equal((lock.packages['']?.engines as {node?: string} | undefined)?.node, ours);
  });

  it('every locked package accepts the oldest Node the project supports', () => {
    const refused = Object.entries(lock.packages)
      .filter(([where]) => where !== '')
      .flatMap(([where, pkg]) => {
        const wanted = Array.isArray(pkg.engines) ? undefined : (pkg.engines as {node?: string} | undefined)?.node;
        return wanted && !semver.satisfies(oldest!, wanted) ? [`${where.replace(/^.*node_modules\//, '')}@${pkg.version}: node ${wanted}`] : [];
      });
    assert.deepEqual(refused, [], `these ask for a newer Node than ${ours}`);
  });

  it('the Node running the tests is one the project supports', () => {
    assert.ok(semver.satisfies(process.versions.node, ours), `Node ${process.versions.node} is outside ${ours}`);
  });
});
