/**
 * Builds the unpacked extension for Chrome and Firefox from the configuration in vite.config.ts, one flavour after
 * the other:
 *   npm run build             → dist/chrome, dist/firefox (release: AWS only)
 *   npm run build -- --sandbox → dist/sandbox-chrome, dist/sandbox-firefox (AWS pointed at the loopback simulation
 *                                at `npm run sandbox`'s default ports, or at a sandbox-endpoints.json written into
 *                                the folder; never shipped)
 * Prints each bundle's minified and gzipped size against its budget (`--quiet`: nothing); the budgets are asserted
 * by test/bundle-budgets.node.test.ts, not here.
 */
import path from 'node:path';
import {createBuilder} from 'vite';
import {entries, extensionConfig, flavours, outDirOf, sizeOf} from '../vite.config.ts';

const root = path.resolve(import.meta.dirname, '..');
const sandbox = process.argv.includes('--sandbox');
const quiet = process.argv.includes('--quiet');
const chosen = flavours.filter((flavour) => flavour.sandbox === sandbox);

async function main(): Promise<void> {
  for (const flavour of chosen) {
    const builder = await createBuilder({...extensionConfig(flavour), configFile: false, logLevel: 'warn'}, null);
    await builder.buildApp();
  }

  if (quiet) return;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  for (const flavour of chosen) {
    for (const entry of entries) {
      const file = path.join(outDirOf(flavour), `${entry.name}.js`);
      const {minified, gzipped} = sizeOf(path.join(root, file));
      const limit = entry.gzipBudget?.[flavour.browser];
      const budget = limit === undefined ? '' : ` (budget ${kb(limit)} KB${gzipped > limit ? ', OVER' : ''})`;
      console.log(`${file.padEnd(34)} ${kb(minified).padStart(7)} KB minified ${kb(gzipped).padStart(6)} KB gzipped${budget}`);
    }
  }
}

if (process.argv[1] === import.meta.filename) await main();
