/**
 * Builds the unpacked extension for Chrome and Firefox from one set of sources:
 *   npm run build             → dist/chrome, dist/firefox (release: AWS only)
 *   npm run build -- --sandbox → dist/sandbox-chrome (AWS pointed at the loopback simulation; never shipped)
 * Content script and pages are classic scripts (IIFE); the service worker is one ES file with no dynamic
 * imports. Prints each bundle's minified and gzipped size.
 */
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {build, type Plugin} from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const sandbox = process.argv.includes('--sandbox');
const quiet = process.argv.includes('--quiet');

/**
 * The AWS SDK's browser build parses XML with DOMParser, which service workers lack (reference/aws-cur.md
 * §4.2): send @aws-sdk/xml-builder's parser import to its DOM-free implementation.
 */
const xmlBuilderDir = path.dirname(createRequire(import.meta.url).resolve('@aws-sdk/xml-builder/package.json'));
export const awsXmlParserWithoutDom: Plugin = {
  name: 'aws-xml-parser-without-dom',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer?.includes(`${path.sep}@aws-sdk${path.sep}xml-builder${path.sep}`) && /^\.\/xml-parser(\.browser)?(\.js)?$/.test(source)) {
      return path.join(xmlBuilderDir, 'dist-es', 'xml-parser.js');
    }
    return null;
  },
};

/**
 * The UI bundles the catalogues (it follows the console user's language, not the browser's): keep only the
 * message texts, not Chrome's placeholder blocks and descriptions, which only `chrome.i18n` reads.
 */
export const messagesOnly: Plugin = {
  name: 'locale-messages-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]locales[\\/][^\\/]+[\\/]messages\.json$/.test(id)) return null;
    const catalogue = JSON.parse(code) as Record<string, {message: string}>;
    return {code: JSON.stringify(Object.fromEntries(Object.entries(catalogue).map(([key, {message}]) => [key, {message}]))), map: null};
  },
};

interface Entry {
  readonly name: string;
  readonly source: string;
  readonly format: 'iife' | 'es';
}

const entries: readonly Entry[] = [
  {name: 'content', source: 'src/content/index.ts', format: 'iife'},
  {name: 'background', source: 'src/background/index.ts', format: 'es'},
  {name: 'options', source: 'src/options/index.ts', format: 'iife'},
  {name: 'popup', source: 'src/popup/index.ts', format: 'iife'},
];

async function bundle(entry: Entry, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    define: {__SANDBOX__: JSON.stringify(sandbox)},
    plugins: entry.name === 'background' ? [awsXmlParserWithoutDom, messagesOnly] : [messagesOnly],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: {entry: path.join(root, entry.source), formats: [entry.format], name: `boa_${entry.name}`, fileName: () => `${entry.name}.js`},
      rolldownOptions: {output: {codeSplitting: false}},
    },
  });
}

function manifestFor(browser: 'chrome' | 'firefox'): Record<string, unknown> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(root, 'manifest', file), 'utf8')) as Record<string, unknown>;
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version;
  return {...read('base.json'), ...read(`${browser}.json`), ...(sandbox ? read('sandbox.json') : {}), version};
}

export function sizeOf(file: string): {minified: number; gzipped: number} {
  const bytes = readFileSync(file);
  return {minified: bytes.length, gzipped: gzipSync(bytes, {level: 9}).length};
}

async function main(): Promise<void> {
  const shared = path.join(root, 'dist', sandbox ? '.sandbox-build' : '.build');
  rmSync(shared, {recursive: true, force: true});
  for (const entry of entries) await bundle(entry, shared);

  const browsers = sandbox ? (['chrome'] as const) : (['chrome', 'firefox'] as const);
  for (const browser of browsers) {
    const out = path.join(root, 'dist', sandbox ? `sandbox-${browser}` : browser);
    rmSync(out, {recursive: true, force: true});
    mkdirSync(out, {recursive: true});
    cpSync(shared, out, {recursive: true});
    cpSync(path.join(root, 'static'), out, {recursive: true});
    for (const page of ['options', 'popup']) cpSync(path.join(root, `src/${page}/${page}.html`), path.join(out, `${page}.html`));
    cpSync(path.join(root, 'locales'), path.join(out, '_locales'), {recursive: true});
    writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
  }
  rmSync(shared, {recursive: true, force: true});

  if (quiet) return;
  const first = path.join(root, 'dist', sandbox ? 'sandbox-chrome' : 'chrome');
  for (const entry of entries) {
    const {minified, gzipped} = sizeOf(path.join(first, `${entry.name}.js`));
    console.log(`${`${entry.name}.js`.padEnd(15)} ${(minified / 1024).toFixed(1).padStart(7)} KB minified ${(gzipped / 1024).toFixed(1).padStart(6)} KB gzipped`);
  }
  console.log(`built ${browsers.map((b) => `dist/${sandbox ? 'sandbox-' : ''}${b}`).join(', ')}`);
}

if (process.argv[1] === import.meta.filename) await main();
