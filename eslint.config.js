// One lint config: typescript-eslint, lit and web-component rules, plus the house rules that a linter can see.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

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
    rules: {'no-restricted-globals': ['error', {name: 'chrome', message: 'Components get services by property.'}, {name: 'fetch', message: 'Components get services by property.'}]},
  },
  {
    // The service worker has no DOM and no window.
    files: ['src/background/**/*.ts', 'src/aws/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {'no-restricted-globals': ['error', 'window', 'document', 'DOMParser', 'localStorage']},
  },
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
