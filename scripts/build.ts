/**
 * Builds the unpacked extension for Chrome and Firefox from one set of sources (the Firefox pages and content
 * script differ only by the two plugins below):
 *   npm run build             → dist/chrome, dist/firefox (release: AWS only)
 *   npm run build -- --sandbox → dist/sandbox-chrome, dist/sandbox-firefox (AWS pointed at the loopback simulation
 *                                at `npm run sandbox`'s default ports, or at a sandbox-endpoints.json written into
 *                                the folder; never shipped)
 * Content script and pages are classic scripts (IIFE); the service worker is one ES file with no dynamic
 * imports. Prints each bundle's minified and gzipped size.
 */
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {build, type Plugin} from 'vite';
import {DEFAULT_AWS_ENDPOINTS} from '../sandbox/server.ts';

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

/**
 * Firefox content scripts have a native `customElements` (reference/firefox.md), so the polyfill that Chrome's
 * content script needs would never install there: the Firefox build leaves it out.
 */
const customElementsPolyfill = '@webcomponents/custom-elements';
export const noCustomElementsPolyfill: Plugin = {
  name: 'no-custom-elements-polyfill',
  enforce: 'pre',
  resolveId: (source) => (source === customElementsPolyfill ? '\0empty-polyfill' : null),
  load: (id) => (id === '\0empty-polyfill' ? 'export {};' : null),
};

/**
 * Lit parses each template once by setting a `<template>`'s `innerHTML`, the pattern Mozilla's add-on linter
 * warns about (UNSAFE_VAR_ASSIGNMENT) and reviewers ask about. In the Firefox build the same parse goes through
 * `DOMParser` (a template's content is inert either way). Chrome keeps Lit as published, Trusted Types included.
 * Fails the build if Lit's code changes shape, rather than shipping the warning unnoticed.
 */
const litCreateElement = 'static createElement(t,i){const s=l.createElement("template");return s.innerHTML=t,s}';
export const litTemplatesWithoutInnerHtml: Plugin = {
  name: 'lit-templates-without-innerhtml',
  transform(code, id) {
    if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
    if (!code.includes(litCreateElement)) this.error(`lit-html changed: ${litCreateElement} not found in ${id}`);
    return {
      code: code.replace(litCreateElement, 'static createElement(t){return new DOMParser().parseFromString(`<template>${t}</template>`,"text/html").querySelector("template")}'),
      map: null,
    };
  },
};

type BrowserName = 'chrome' | 'firefox';

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
  {name: 'keys-frame', source: 'src/keys-frame/index.ts', format: 'iife'},
];

function pluginsFor(entry: Entry, browser: BrowserName): Plugin[] {
  if (entry.name === 'background') return [awsXmlParserWithoutDom, messagesOnly];
  return browser === 'firefox' ? [noCustomElementsPolyfill, litTemplatesWithoutInnerHtml, messagesOnly] : [messagesOnly];
}

async function bundle(entry: Entry, browser: BrowserName, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    define: {__SANDBOX__: JSON.stringify(sandbox), __SANDBOX_AWS_ENDPOINTS__: JSON.stringify(sandbox ? DEFAULT_AWS_ENDPOINTS : {})},
    plugins: pluginsFor(entry, browser),
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: {entry: path.join(root, entry.source), formats: [entry.format], name: `boa_${entry.name.replace(/-/g, '_')}`, fileName: () => `${entry.name}.js`},
      rolldownOptions: {output: {codeSplitting: false}},
    },
  });
}

function manifestFor(browser: BrowserName): Record<string, unknown> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(root, 'manifest', file), 'utf8')) as Record<string, unknown>;
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version;
  return {...read('base.json'), ...read(`${browser}.json`), ...(sandbox ? read('sandbox.json') : {}), version};
}

export function sizeOf(file: string): {minified: number; gzipped: number} {
  const bytes = readFileSync(file);
  return {minified: bytes.length, gzipped: gzipSync(bytes, {level: 9}).length};
}

async function main(): Promise<void> {
  const browsers = ['chrome', 'firefox'] as const;
  for (const browser of browsers) {
    const out = path.join(root, 'dist', sandbox ? `sandbox-${browser}` : browser);
    rmSync(out, {recursive: true, force: true});
    mkdirSync(out, {recursive: true});
    for (const entry of entries) await bundle(entry, browser, out);
    cpSync(path.join(root, 'static'), out, {recursive: true});
    for (const page of ['options', 'popup', 'keys-frame']) cpSync(path.join(root, `src/${page}/${page}.html`), path.join(out, `${page}.html`));
    cpSync(path.join(root, 'locales'), path.join(out, '_locales'), {recursive: true});
    writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
  }

  if (quiet) return;
  for (const browser of browsers) {
    const out = path.join('dist', sandbox ? `sandbox-${browser}` : browser);
    for (const entry of entries) {
      const {minified, gzipped} = sizeOf(path.join(root, out, `${entry.name}.js`));
      console.log(`${path.join(out, `${entry.name}.js`).padEnd(34)} ${(minified / 1024).toFixed(1).padStart(7)} KB minified ${(gzipped / 1024).toFixed(1).padStart(6)} KB gzipped`);
    }
  }
}

if (process.argv[1] === import.meta.filename) await main();
