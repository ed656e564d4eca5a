// Browser-side tests (components, console adapter, browser code) in Debian's Chromium, headless.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {countReporter} from './test/helpers/count-reporter.js';

export default {
  files: ['src/**/*.test.ts', '!src/**/*.node.test.ts'],
  nodeResolve: {browser: true, exportConditions: ['browser', 'production']},
  plugins: [esbuildPlugin({ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json'})],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  concurrency: 1,
  testFramework: {config: {timeout: 20000}},
  reporters: [defaultReporter(), summaryReporter({flatten: false}), countReporter()],
};
