/**
 * `npm start`: the demo. Builds the sandbox flavour of the extension, starts the simulated console and AWS
 * (`--scenario NAME`, default happy-path) and then:
 *  - with a display: opens Chromium (or Firefox ESR with `--browser firefox`) with the extension loaded and the
 *    console enabled, in one maximized window whose page fills it, ready to log in;
 *  - without one (or with `--headless`): says so, drives the whole flow headless and writes a screenshot of each
 *    step to .demo-screenshots/ (ignored by git), then leaves the sandbox running for a headless driver (its JSON
 *    line is printed).
 * `--update-screenshots` drives the flow headless whatever the display and writes the screenshots the README and
 * the user guide show, docs/screenshots/ (docs/screenshots/firefox/ with `--browser firefox`). The screenshot runs
 * fix the scenario's time ("now") and the browser's time zone, so the same sources give the same pictures.
 * `--skip-build` uses the dist/sandbox-* already built. Runs until interrupted.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {parseArgs} from 'node:util';
import type {Page} from 'puppeteer-core';
import {loadScenario} from '../sandbox/scenario.ts';
import {startSandbox} from '../sandbox/server.ts';
import {enableConsoleOrigin, launchWithExtension, type BrowserName} from '../sandbox/drive/browser.ts';
import {runDemoFlow} from './demo-flow.ts';
import {ensureBrowsers} from './ensure-browsers.ts';

/** Where the screenshots go: the tracked ones only when asked for. */
const DEMO_SCREENSHOTS = '.demo-screenshots';
const TRACKED_SCREENSHOTS = 'docs/screenshots';
/** The scenario time of the screenshot runs when the scenario has none: delivery times and periods stay put. */
const DEMO_NOW = '2025-06-15T08:00:00Z';

const root = path.resolve(import.meta.dirname, '..');
const {values} = parseArgs({
  options: {
    scenario: {type: 'string', default: 'happy-path'},
    headless: {type: 'boolean', default: false},
    browser: {type: 'string', default: 'chromium'},
    'update-screenshots': {type: 'boolean', default: false},
    'skip-build': {type: 'boolean', default: false},
  },
});
const updateScreenshots = values['update-screenshots'];
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !values.headless && !updateScreenshots;
if (values.browser !== 'chromium' && values.browser !== 'firefox') {
  console.error(`--browser must be chromium or firefox, not ${values.browser}`);
  process.exit(2);
}
const browser: BrowserName = values.browser;
const browserLabel = browser === 'firefox' ? 'Firefox' : 'Chromium';

ensureBrowsers([browser]);
if (!values['skip-build'] && spawnSync('npx', ['tsx', 'scripts/build.ts', '--sandbox'], {cwd: root, stdio: 'inherit'}).status !== 0) process.exit(1);

const scenario = loadScenario(values.scenario);
if (!hasDisplay) {
  // Pictures that do not change from one run to the next: a fixed scenario time (also the tab's clock, see
  // runDemoFlow), dates shown in UTC.
  if (scenario.aws && scenario.aws.now === undefined) scenario.aws = {...scenario.aws, now: DEMO_NOW};
  process.env.TZ = 'UTC';
}
const sandbox = await startSandbox({scenario});
const ext = await launchWithExtension({
  browser,
  endpoints: {s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl},
  headless: !hasDisplay,
  personWindow: hasDisplay,
});
// From here on, Ctrl+C or SIGTERM closes the browser and the sandbox (also before the JSON line: a driver may stop the
// demo as soon as it reads it).
const stop = () => void Promise.allSettled([ext.close(), sandbox.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await enableConsoleOrigin(ext, sandbox.origin);
const summary = {console: sandbox.consoleUrl, api: sandbox.apiUrl, s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl, login: sandbox.login};

/**
 * The window over the whole screen: maximized where a window manager does it (Chromium's --start-maximized, or
 * asked here, which Firefox needs), else (a bare X server such as Xvfb) given the screen's size.
 */
async function fillScreen(page: Page): Promise<void> {
  try {
    const id = await page.windowId();
    await ext.browser.setWindowBounds(id, {windowState: 'maximized'});
    if ((await ext.browser.getWindowBounds(id)).windowState === 'maximized') return;
    const area = JSON.parse(
      (await page.evaluate(
        'JSON.stringify({width: screen.availWidth, height: screen.availHeight, left: screen.availLeft || 0, top: screen.availTop || 0})',
      )) as string,
    ) as {width: number; height: number; left: number; top: number};
    await ext.browser.setWindowBounds(id, {...area, windowState: 'normal'});
  } catch (error) {
    console.warn(`Could not size the window: ${error instanceof Error ? error.message : String(error)}`);
  }
}

if (hasDisplay) {
  // The tab the browser opened with, not a second one next to it.
  const page = (await ext.browser.pages())[0] ?? (await ext.browser.newPage());
  await fillScreen(page);
  await page.bringToFront();
  await page.goto(`${sandbox.consoleUrl}#/enterprises`);
  console.log(
    `${browserLabel} is open on the simulated console. Log in as ${sandbox.login.user} / ${sandbox.login.password}, edit "Acme Customer Billing" and open "Billing-only AWS".`,
  );
  console.log('Demo keys: sandbox/aws/demo-keys.ts; the bucket: s3://acme-billing-reports/cur/. Ctrl+C to stop.');
} else {
  const base = updateScreenshots ? TRACKED_SCREENSHOTS : DEMO_SCREENSHOTS;
  const screenshots = browser === 'firefox' ? `${base}/firefox` : base;
  console.log(
    `${values.headless || updateScreenshots ? 'Headless' : 'No display'}: driving the demo in ${browserLabel} and writing screenshots to ${screenshots}/ …`,
  );
  const clock = typeof scenario.aws?.now === 'string' ? scenario.aws.now : DEMO_NOW;
  const written = await runDemoFlow(ext, sandbox, path.join(root, screenshots), {clock});
  for (const file of written) console.log(`  ${path.relative(root, file)}`);
  await ext.close();
  if (!updateScreenshots) console.log(`(${DEMO_SCREENSHOTS}/ is ignored by git; npm start -- --update-screenshots rewrites ${TRACKED_SCREENSHOTS}/.)`);
  console.log('The sandbox keeps running for a headless driver (Ctrl+C to stop):');
}
console.log(JSON.stringify(summary));
