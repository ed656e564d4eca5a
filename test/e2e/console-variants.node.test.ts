/**
 * What real Abiquo installs do that the happy path does not (issue 9): READ_ONLY and HIDDEN properties seen by a
 * user who may not manage them, links that name another host than the one the request went to, a server without
 * the 409 stale-write check, and a 401 carrying `WWW-Authenticate: Basic` in a browser with a display.
 * The three API variants extend the happy path and share its AWS side, so one browser serves their three consoles
 * with the first one's AWS endpoints.
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET} from '../../sandbox/aws/demo-keys.ts';
import {startSandbox, type Sandbox} from '../../sandbox/server.ts';
import {enableConsoleOrigin, launchWithExtension, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {clickApply, readyToApply, waitForSectionText} from '../../sandbox/drive/console-driver.ts';
import {expireSessions, putPropertiesAsSomeoneElse, readBackdoorState, resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';
import {startXvfb, type Display} from '../../sandbox/drive/real-keyboard.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

describeInBrowsers('Apply on consoles that behave like real installs', (browser) => {
  let ext: ExtensionBrowser;
  let page: Page;
  const consoles: Record<'typed' | 'foreign' | 'lastWriteWins', Sandbox> = {} as never;

  before(async () => {
    consoles.typed = await startSandbox({scenario: 'typed-properties'});
    consoles.foreign = await startSandbox({scenario: 'foreign-links'});
    consoles.lastWriteWins = await startSandbox({scenario: 'last-write-wins'});
    const aws = consoles.typed;
    ext = await launchWithExtension({browser, endpoints: {s3: aws.s3Url, sts: aws.stsUrl, cur: aws.curUrl}});
    for (const sandbox of Object.values(consoles)) await enableConsoleOrigin(ext, sandbox.origin);
  });
  beforeEach(async () => {
    for (const sandbox of Object.values(consoles)) await resetSandbox(sandbox);
    page = await ext.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  after(async () => {
    await ext?.close();
    for (const sandbox of Object.values(consoles)) await sandbox.close();
  });

  it('keeps READ_ONLY and HIDDEN properties a user without "Manage enterprise properties" cannot see or change', async () => {
    await readyToApply(page, consoles.typed.consoleUrl, {login: {user: 'operator', password: 'operator-demo'}});
    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    const stored = (await readBackdoorState(consoles.typed, KEYNODE.id)).properties;
    assert.equal(stored.billing_contract_id, 'CT-2026-0042');
    assert.equal(stored.internal_cost_center, 'CC-ñ-7781', 'the hidden property the tab never saw survives, byte for byte');
    assert.equal(stored.amazon_bucket, BILLING_BUCKET);
  });

  it("follows links that name an internal host, on the console's own origin", async () => {
    await readyToApply(page, consoles.foreign.consoleUrl);
    await waitForSectionText(page, 'linked', 'Acme Retail');
    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    const stored = await readBackdoorState(consoles.foreign, KEYNODE.id);
    assert.equal(stored.properties.amazon_bucket, BILLING_BUCKET);
    assert.equal(stored.pricingCredentials.length, 1);
  });

  it("on a server without the stale-write check, keeps another client's edit made after the tab loaded", async () => {
    const sandbox = consoles.lastWriteWins;
    await readyToApply(page, sandbox.consoleUrl);
    const loaded = (await readBackdoorState(sandbox, KEYNODE.id)).properties;
    await putPropertiesAsSomeoneElse(sandbox, KEYNODE.id, {...loaded, cost_center: 'CC-99', added_meanwhile: 'yes'});
    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    const stored = (await readBackdoorState(sandbox, KEYNODE.id)).properties;
    assert.deepEqual([stored.cost_center, stored.added_meanwhile, stored.amazon_bucket], ['CC-99', 'yes', BILLING_BUCKET]);
  });

  it('on that server, an amazon_* value someone else changed after the tab loaded is shown, not overwritten', async () => {
    const sandbox = consoles.lastWriteWins;
    await readyToApply(page, sandbox.consoleUrl);
    const loaded = (await readBackdoorState(sandbox, KEYNODE.id)).properties;
    const theirs = {...loaded, amazon_bucket: 'their-bucket'};
    await putPropertiesAsSomeoneElse(sandbox, KEYNODE.id, theirs);
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'amazon_bucket was changed by someone else to “their-bucket”');
    assert.deepEqual((await readBackdoorState(sandbox, KEYNODE.id)).properties, theirs);
  });
});

describeInBrowsers("a 401 with Abiquo's Basic challenge, in a browser with a display", (browser) => {
  let display: Display;
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => {
    display = await startXvfb();
    ({sandbox, ext} = await startWorld('happy-path', {browser, display: display.name}));
  });
  after(async () => {
    await stopWorld({sandbox, ext});
    display?.stop();
  });

  it("shows the tab's own message, not the browser's login prompt (a prompt would hold the request)", async () => {
    const page = await ext.browser.newPage();
    await readyToApply(page, sandbox.consoleUrl);
    await expireSessions(sandbox);
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'Your Abiquo session has expired. Log in to the console again');
    await page.close();
  });
});
