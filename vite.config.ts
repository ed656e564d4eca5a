/**
 * The build's configuration: one Vite environment per bundle of the extension, for one flavour (browser, release or
 * sandbox). `npx vite build` builds the release Chrome extension into dist/chrome, ready to load unpacked (the same
 * as `npm run build`'s first half); `scripts/build.ts` builds every flavour from `extensionConfig` and prints the sizes.
 *
 * Content script and pages are classic scripts (IIFE); the service worker is one ES file with no dynamic imports.
 * The Firefox pages and content script differ only by two plugins below. The size budgets are here too, next to the
 * bundles they bound: the build prints them, `test/bundle-budgets.node.test.ts` fails when one is exceeded.
 */
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {defineConfig, type EnvironmentOptions, type Plugin, type UserConfig} from 'vite';
import {DEFAULT_AWS_ENDPOINTS} from './sandbox/default-ports.ts';

const root = import.meta.dirname;

export type BrowserName = 'chrome' | 'firefox';

/** What one build produces: a browser's package, released or pointed at the sandbox (never shipped). */
export interface Flavour {
  readonly browser: BrowserName;
  readonly sandbox: boolean;
}

export const flavours: readonly Flavour[] = [
  {browser: 'chrome', sandbox: false},
  {browser: 'firefox', sandbox: false},
  {browser: 'chrome', sandbox: true},
  {browser: 'firefox', sandbox: true},
];

/** dist/chrome, dist/firefox, dist/sandbox-chrome, dist/sandbox-firefox (relative to the repository). */
export function outDirOf({browser, sandbox}: Flavour): string {
  return path.join('dist', sandbox ? `sandbox-${browser}` : browser);
}

export interface Entry {
  /** The bundle's file name without `.js`. */
  readonly name: 'content' | 'tab-ui' | 'background' | 'options' | 'popup' | 'keys-frame' | 'preview-frame';
  readonly source: string;
  readonly format: 'iife' | 'es';
  /** The most the minified bundle may weigh gzipped (level 9), in bytes, per browser (sandbox builds included). */
  readonly gzipBudget?: Readonly<Record<BrowserName, number>>;
}

const KB = 1024;

export const entries: readonly Entry[] = [
  // Injected into every page of an enabled console: it only watches for the tab being wanted.
  {name: 'content', source: 'src/content/index.ts', format: 'iife', gzipBudget: {chrome: 8 * KB, firefox: 8 * KB}},
  // The tab's UI, injected into the content script's world once a dialog or the toolbar wants the tab. Chrome's
  // carries the custom-elements polyfill its content scripts need (6 KB gzipped).
  {name: 'tab-ui', source: 'src/content/tab-ui.ts', format: 'iife', gzipBudget: {chrome: 50 * KB, firefox: 45 * KB}},
  // The service worker: the S3 and STS clients are most of it.
  {name: 'background', source: 'src/background/index.ts', format: 'es', gzipBudget: {chrome: 100 * KB, firefox: 100 * KB}},
  {name: 'options', source: 'src/options/index.ts', format: 'iife'},
  {name: 'popup', source: 'src/popup/index.ts', format: 'iife'},
  {name: 'keys-frame', source: 'src/keys-frame/index.ts', format: 'iife'},
  // The billing preview frame: the S3 client, the parser and the chart, loaded only when a preview is asked for.
  {name: 'preview-frame', source: 'src/preview-frame/index.ts', format: 'iife'},
];

/** A built bundle's size: as written (minified) and gzipped at level 9 (what the budgets bound). */
export function sizeOf(file: string): {minified: number; gzipped: number} {
  const bytes = readFileSync(file);
  return {minified: bytes.length, gzipped: gzipSync(bytes, {level: 9}).length};
}

/** The bundles of a flavour (built in `outDir`) heavier than their budget, one line each (none: `[]`). */
export function overBudget(flavour: Flavour, outDir: string): string[] {
  return entries.flatMap(({name, gzipBudget}) => {
    const budget = gzipBudget?.[flavour.browser];
    const {gzipped} = sizeOf(path.join(outDir, `${name}.js`));
    return budget !== undefined && gzipped > budget ? [`${name}.js is ${gzipped} bytes gzipped, over its budget of ${budget}`] : [];
  });
}

/**
 * The AWS SDK's browser build parses XML with DOMParser, which service workers lack (docs/architecture.md): send
 * @aws-sdk/xml-builder's parser import to its DOM-free implementation.
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
 * Firefox content scripts have a native `customElements` (docs/architecture.md), so the polyfill that Chrome's
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
      code: code.replace(
        litCreateElement,
        'static createElement(t){return new DOMParser().parseFromString(`<template>${t}</template>`,"text/html").querySelector("template")}',
      ),
      map: null,
    };
  },
};

/**
 * uDSV compiles its typed-row converters with `new Function`, which extension pages' CSP forbids and Mozilla's
 * add-on linter reports (DANGEROUS_EVAL). The preview parses to strings only (`stringArrs`), which never compiles
 * one: the compiling line becomes a throw. Fails the build if uDSV's code changes shape.
 */
const udsvCompile = "return new Function('c', `return r => (${buf});`)(cols);";
export const udsvWithoutEval: Plugin = {
  name: 'udsv-without-eval',
  transform(code, id) {
    if (!/[\\/]udsv[\\/]dist[\\/]uDSV\.mjs$/.test(id)) return null;
    if (!code.includes(udsvCompile)) this.error(`uDSV changed: ${udsvCompile} not found in ${id}`);
    return {code: code.replace(udsvCompile, "throw new Error('typed rows are left out of this build (vite.config.ts)');"), map: null};
  },
};

/** Vite environment names allow no `-`: `keys-frame` builds in the `keys_frame` environment. */
export const environmentOf = (entry: Entry): string => entry.name.replace(/-/g, '_');

/** `plugin`, applied only in the environments of the entries `applies` picks. */
function onlyFor(plugin: Plugin, applies: (entry: Entry) => boolean): Plugin {
  const names = new Set(entries.filter(applies).map(environmentOf));
  return {...plugin, applyToEnvironment: (environment) => names.has(environment.name)};
}

function pluginsFor(browser: BrowserName): Plugin[] {
  const pages = (entry: Entry) => entry.name !== 'background';
  return [
    onlyFor(awsXmlParserWithoutDom, (entry) => entry.name === 'background'),
    onlyFor(udsvWithoutEval, (entry) => entry.name === 'preview-frame'),
    ...(browser === 'firefox' ? [onlyFor(noCustomElementsPolyfill, pages), onlyFor(litTemplatesWithoutInnerHtml, pages)] : []),
    messagesOnly,
  ];
}

/** One bundle: `<outDir>/<entry>.js`, self-contained (no chunks), nothing else written. */
function bundleEnvironment(entry: Entry, outDir: string): EnvironmentOptions {
  return {
    consumer: 'client', // browser resolution (package `browser` fields), as for a page
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: {entry: path.join(root, entry.source), formats: [entry.format], name: `boa_${environmentOf(entry)}`, fileName: () => `${entry.name}.js`},
      // Lib mode leaves an ES bundle's whitespace (for consumers' tree-shaking); nothing consumes ours but the browser.
      rolldownOptions: {output: {codeSplitting: false, minify: true}},
    },
  };
}

function manifestFor({browser, sandbox}: Flavour): Record<string, unknown> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(root, 'manifest', file), 'utf8')) as Record<string, unknown>;
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version;
  return {...read('base.json'), ...read(`${browser}.json`), ...(sandbox ? read('sandbox.json') : {}), version};
}

/** Everything of the unpacked extension that is not a bundle: static files, pages, catalogues, the manifest. */
function writeExtensionFiles(flavour: Flavour, out: string): void {
  cpSync(path.join(root, 'static'), out, {recursive: true});
  for (const page of ['options', 'popup', 'keys-frame', 'preview-frame']) cpSync(path.join(root, `src/${page}/${page}.html`), path.join(out, `${page}.html`));
  cpSync(path.join(root, 'locales'), path.join(out, '_locales'), {recursive: true});
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(flavour), null, 2)}\n`);
}

/**
 * The whole unpacked extension of one flavour, in `outDirOf(flavour)`: emptied, then each bundle built in its own
 * environment (each with its plugins), then the other files written. Run it with `createBuilder(config).buildApp()`
 * (what `vite build` does with the default export).
 */
export function extensionConfig(flavour: Flavour): UserConfig {
  const out = path.join(root, outDirOf(flavour));
  return {
    root,
    mode: 'production',
    define: {__SANDBOX__: JSON.stringify(flavour.sandbox), __SANDBOX_AWS_ENDPOINTS__: JSON.stringify(flavour.sandbox ? DEFAULT_AWS_ENDPOINTS : {})},
    plugins: pluginsFor(flavour.browser),
    environments: Object.fromEntries(entries.map((entry) => [environmentOf(entry), bundleEnvironment(entry, out)])),
    builder: {
      async buildApp(builder) {
        rmSync(out, {recursive: true, force: true});
        mkdirSync(out, {recursive: true});
        for (const entry of entries) await builder.build(builder.environments[environmentOf(entry)]!);
        writeExtensionFiles(flavour, out);
        for (const line of overBudget(flavour, out)) builder.config.logger.warn(`${path.relative(root, out)}: ${line}`);
      },
    },
  };
}

export default defineConfig(extensionConfig({browser: 'chrome', sandbox: false}));
