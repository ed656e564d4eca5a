/**
 * `npm start`: the demo. Builds the sandbox flavour of the extension, starts the simulated console and AWS
 * (`--scenario NAME`, default happy-path) and then:
 *  - with a display: opens Chromium (or Firefox ESR with `--browser firefox`) with the extension loaded and the console enabled, ready to log in;
 *  - without one: says so, drives the whole flow headless and writes a screenshot of each step to
 *    docs/screenshots/, then leaves the sandbox running for a headless driver (its JSON line is printed).
 * Runs until interrupted.
 */
import {spawnSync} from 'node:child_process';
import {parseArgs} from 'node:util';
import {startSandbox} from '../sandbox/server.ts';
import {enableConsoleOrigin, launchWithExtension, type BrowserName} from '../test/helpers/browser.ts';
import {runDemoFlow} from './demo-flow.ts';
import {ensureBrowsers} from './ensure-browsers.ts';

const {values} = parseArgs({options: {scenario: {type: 'string', default: 'happy-path'}, headless: {type: 'boolean', default: false}, browser: {type: 'string', default: 'chromium'}}});
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !values.headless;
if (values.browser !== 'chromium' && values.browser !== 'firefox') {
  console.error(`--browser must be chromium or firefox, not ${values.browser}`);
  process.exit(2);
}
const browser: BrowserName = values.browser;
const browserLabel = browser === 'firefox' ? 'Firefox' : 'Chromium';

ensureBrowsers([browser]);
if (spawnSync('npx', ['tsx', 'scripts/build.ts', '--sandbox'], {stdio: 'inherit'}).status !== 0) process.exit(1);

const sandbox = await startSandbox({scenario: values.scenario});
const ext = await launchWithExtension({browser, endpoints: {s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl}, headless: !hasDisplay});
await enableConsoleOrigin(ext, sandbox.origin);
const summary = {console: sandbox.consoleUrl, api: sandbox.apiUrl, s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl, login: sandbox.login};

if (hasDisplay) {
  const page = await ext.browser.newPage();
  await page.goto(`${sandbox.consoleUrl}#/enterprises`);
  console.log(`${browserLabel} is open on the simulated console. Log in as ${sandbox.login.user} / ${sandbox.login.password}, edit "Acme Customer Billing" and open "Billing-only AWS".`);
  console.log('Demo keys: sandbox/aws/demo-keys.ts; the bucket: s3://acme-billing-reports/cur/. Ctrl+C to stop.');
} else {
  const screenshots = browser === 'firefox' ? 'docs/screenshots/firefox' : 'docs/screenshots';
  console.log(`No display: driving the demo headless in ${browserLabel} and writing screenshots to ${screenshots}/ …`);
  const written = await runDemoFlow(ext, sandbox, screenshots);
  for (const file of written) console.log(`  ${file}`);
  await ext.close();
  console.log('The sandbox keeps running for a headless driver (Ctrl+C to stop):');
}
console.log(JSON.stringify(summary));

const stop = () => void Promise.allSettled([ext.close(), sandbox.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
