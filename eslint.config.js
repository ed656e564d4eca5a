// One lint config: typescript-eslint, lit and web-component rules, plus the house rules that a linter can see.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/*
 * Import boundaries (docs/architecture.md, "Layers"). Only the last config object naming a rule applies to a file,
 * so each object below carries every pattern its files obey. Specifiers are matched as written: from a file n
 * folders below src/, exactly n `../` reach a folder of src/, more reach the repository's top level.
 */
const testFiles = ['**/*.test.ts'];
const depths = [1, 2, 3];

/** What the extension ships imports nothing of the simulation, the tests or the tools. */
const notOutsideSrc = {
  regex: '^(?:\\.\\./)+(?:sandbox|test|scripts|bench)/',
  message: 'The extension ships nothing of sandbox/, test/, scripts/ or bench/: test support belongs in test/helpers/ or a *.test.ts file.',
};

/** The content script carries no catalogue: it asks the worker for its user's (`i18n/catalogue`). */
const noCatalogues = {
  regex: '^(?:\\.\\./)+shared/i18n(?:\\.ts)?$',
  allowTypeImports: true,
  message: 'shared/i18n.ts bundles every catalogue into the content script: import its types only, or shared/translate.ts.',
};

/** The layered folders of src/ and the only other folders of src/ each may import. */
const layers = [
  {folder: 'shared', may: [], why: 'shared/ is the bottom layer that every bundle and the CLI import: it imports no other folder of src/.'},
  {
    folder: 'aws',
    may: ['shared'],
    why: 'aws/ is the AWS engine the worker, the CLI and the benchmarks run: it knows nothing of Abiquo, the UI or the messaging (the port handler is background/).',
  },
  {
    folder: 'abiquo',
    may: ['aws', 'shared'],
    why: 'abiquo/ is the API client and owns its contracts (codes.ts, types.ts): the UI, the wiring and the messaging depend on it, not the reverse.',
  },
  {
    folder: 'messaging',
    may: ['aws', 'shared'],
    typesFrom: ['components', 'preview'],
    why: 'messaging/ is the typed contract between the content script, the frames and the worker: it carries what the UI shows as types, never UI code.',
  },
  {
    folder: 'preview',
    may: ['aws', 'shared'],
    why: 'preview/ is the billing preview engine the preview frame, the CLI and the benchmarks run: no Abiquo, UI or messaging.',
  },
  {
    folder: 'background',
    may: ['abiquo', 'aws', 'messaging', 'shared'],
    why: 'background/ is the service worker: no UI (components, console, content) enters its bundle.',
  },
];

/**
 * A layer's files `depth` folders below src/: another folder of src/ than those it may import is refused; from the
 * folders of `typesFrom`, only types.
 */
function layerPatterns({folder, may, typesFrom = [], why}, depth) {
  const up = `^(?:\\.\\./){${depth}}`;
  const allowed = `${why} It may import: ${may.join(', ') || 'nothing'}${typesFrom.length ? `; types from ${typesFrom.join(', ')}` : ''}.`;
  const others = {regex: `${up}(?!(?:${[folder, ...may, ...typesFrom].join('|')})/)[^./][^/]*/`, message: allowed};
  return typesFrom.length ? [others, {regex: `${up}(?:${typesFrom.join('|')})/`, allowTypeImports: true, message: allowed}] : [others];
}

const restrict = (files, patterns) => ({files, ignores: testFiles, rules: {'no-restricted-imports': ['error', {patterns}]}});

const contentScriptFolders = ['abiquo', 'components', 'console', 'content'];
const importBoundaries = [
  restrict(['src/**/*.ts'], [notOutsideSrc]),
  ...contentScriptFolders.map((folder) => restrict([`src/${folder}/**/*.ts`], [notOutsideSrc, noCatalogues])),
  ...layers.flatMap((layer) =>
    depths.map((depth) =>
      restrict(
        [`src/${layer.folder}/${'*/'.repeat(depth - 1)}*.ts`],
        [notOutsideSrc, ...layerPatterns(layer, depth), ...(contentScriptFolders.includes(layer.folder) ? [noCatalogues] : [])],
      ),
    ),
  ),
  restrict(
    ['scripts/**/*.ts', 'bench/**/*.ts', 'sandbox/**/*.ts'],
    [{regex: '^(?:\\.\\./)+test/', message: 'Tools run without the tests: what they share with them lives in sandbox/drive/, not test/.'}],
  ),
];

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', '.test-results/', 'artifacts/', '.cache/', 'sandbox/console/static/vendor/']},
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['src/components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/components/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Components receive their services: no extension APIs, no network.
    files: ['src/components/**/*.ts'],
    ignores: ['src/components/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        {name: 'chrome', message: 'Components get services by property.'},
        {name: 'fetch', message: 'Components get services by property.'},
      ],
    },
  },
  {
    // The service worker has no DOM and no window.
    files: ['src/background/**/*.ts', 'src/aws/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'DOMParser', 'localStorage'].map((name) => ({name, message: 'The service worker (background/, aws/) has no DOM.'})),
      ],
    },
  },
  {
    // Only src/console/ reads the console page: its selectors are the one place that knows the console's markup.
    // Components query their own shadow roots, and the extension's own pages their own documents.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/console/**', 'src/components/**', 'src/options/**', 'src/popup/**', 'src/keys-frame/**', 'src/preview-frame/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(querySelector(All)?|getElementById|getElementsBy[A-Za-z]+|closest|matches|elementsFromPoint|elementFromPoint|evaluate)$/]',
          message: 'Only src/console/ reads the console page DOM: add a function there that knows the markup.',
        },
        {
          selector: 'MemberExpression[object.name="document"][property.name=/^(body|head|forms|images|links|activeElement|cookie|title|all)$/]',
          message: 'Only src/console/ reads the console page DOM: add a function there that knows the markup.',
        },
      ],
    },
  },
  ...importBoundaries,
  {
    // chai's property assertions (`expect(x).to.be.null`) are expressions.
    files: ['**/*.test.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  {
    // Logging goes through the redacting logger; scripts, sandbox, tests and CLIs print to their own stdout.
    files: ['src/shared/log.ts', 'scripts/**', 'sandbox/**', 'test/**', 'bench/**', 'src/cli/**', '**/*.test.ts', '*.js', 'test/helpers/*.js'],
    rules: {'no-console': 'off'},
  },
);
