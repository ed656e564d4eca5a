/**
 * Each failure path of the issue gives its message and saves nothing (or, for a failure half-way, says exactly
 * what was saved and can be retried): wrong secret, key without s3:GetObject, a CUR 2.0 bucket, a bucket in
 * another region (detected and corrected, not a failure), session expired, no privilege, a property changed by
 * someone else between load and Apply, and an API 5xx on Apply (nothing written: Apply is all or nothing). One sandbox (the failure-paths scenario: the
 * happy path plus one bucket per AWS failure) and one Chromium for all of them.
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import type {ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {
  applyEnabled,
  clickApply,
  openTabOf,
  readDiff,
  readyToApply,
  sectionText,
  typeBucket,
  typeKeys,
  waitForSectionText,
  waitForTabText,
} from '../../sandbox/drive/console-driver.ts';
import {
  expireSessions,
  injectFaults,
  putPropertiesAsSomeoneElse,
  readBackdoorState,
  resetSandbox,
  type BackdoorEnterprise,
} from '../../sandbox/drive/sandbox-backdoor.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

const admin = {user: 'admin', password: 'admin-demo'};
const viewer = {user: 'viewer', password: 'viewer-demo'};
const READY = /Pricing credentials/;

describeInBrowsers('billing-only AWS failure paths: each gives its message and saves nothing', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;
  let initial: BackdoorEnterprise;

  async function assertNothingSaved(): Promise<void> {
    const now = await readBackdoorState(sandbox, KEYNODE.id);
    assert.deepEqual(now.properties, initial.properties);
    assert.deepEqual(now.pricingCredentials, initial.pricingCredentials);
  }

  before(async () => {
    ({sandbox, ext} = await startWorld('failure-paths', {browser}));
    initial = await readBackdoorState(sandbox, KEYNODE.id);
  });
  beforeEach(async () => {
    await resetSandbox(sandbox);
    page = await ext.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  after(() => stopWorld({sandbox, ext}));

  it('says the secret does not match the key ID, and offers no Apply', async () => {
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, READY);
    await typeKeys(page, {accessKeyId: PRICING_KEY.accessKeyId, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGEXAMPLE'.slice(0, 40)});
    await waitForSectionText(page, 'pricing', "Secret access key: it doesn't match this access key ID");
    await typeBucket(page, BILLING_BUCKET);
    assert.match(await waitForSectionText(page, 'diff', /fix it before applying|pick a report/), /./);
    assert.equal(await applyEnabled(page), false);
    await assertNothingSaved();
  });

  it('names the missing s3:GetObject permission and its ARN for a bucket the key can list but not read', async () => {
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, READY);
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    await typeBucket(page, 'acme-billing-locked');
    await waitForSectionText(page, 'report', "Failed: This user can't read the report files. Add s3:GetObject on arn:aws:s3:::acme-billing-locked/");
    assert.match(await sectionText(page, 'diff'), /A check above failed: fix it before applying\./);
    assert.equal(await applyEnabled(page), false);
    await assertNothingSaved();
  });

  it('recognises a CUR 2.0 export and explains it is not supported', async () => {
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, READY);
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    await typeBucket(page, 'acme-data-exports');
    // The streamed check can be shown before the verdict lists the report: wait for both.
    const report = await waitForSectionText(page, 'report', /cur\/abiquo-hourly \(CUR 2\.0 \/ Data Exports: not supported\)/);
    assert.match(report, /is a CUR 2\.0 \(Data Exports\) export/);
    assert.equal(await applyEnabled(page), false);
    await assertNothingSaved();
  });

  it('corrects the region of a bucket in eu-west-1 instead of failing, and writes the right one', async () => {
    // The operator pastes the S3 console URL, which names us-east-1: S3 says the bucket is in eu-west-1.
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, READY);
    await typeKeys(page, PRICING_KEY);
    await waitForSectionText(page, 'pricing', 'user/abiquo-billing-user in account');
    await typeBucket(page, 'https://s3.console.aws.amazon.com/s3/buckets/acme-billing-eu?region=us-east-1&prefix=cur/');
    const report = await waitForSectionText(page, 'report', /Checks passed: \d+/);
    assert.match(report, /Region: bucket acme-billing-eu is in eu-west-1, not us-east-1\. Apply writes the detected region\./);
    assert.doesNotMatch(report, /Failed:/);
    assert.deepEqual((await readDiff(page)).amazon_bucket_region, ['—', 'eu-west-1']);
    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    assert.equal((await readBackdoorState(sandbox, KEYNODE.id)).properties.amazon_bucket_region, 'eu-west-1');
  });

  it('says the Abiquo session expired (401) when Apply finds it gone, and writes nothing', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await expireSessions(sandbox);
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'Your Abiquo session has expired. Log in to the console again');
    await assertNothingSaved();
  });

  it('tells a user without the privilege (403) which one is missing, instead of a broken form', async () => {
    await openTabOf(page, sandbox.consoleUrl, viewer, KEYNODE.name, /privilege|Pricing credentials/);
    const text = await waitForTabText(page, /Your Abiquo role lacks the privilege “[^”]+” \([A-Z_]+\)/);
    assert.doesNotMatch(text, /Apply/);
    await assertNothingSaved();
  });

  it('shows a property changed by someone else between load and Apply, loses nothing, and a second Apply writes', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    const theirs = {...initial.properties, cost_center: 'CC-99', amazon_bucket_prefix: 'their-prefix'};
    await putPropertiesAsSomeoneElse(sandbox, KEYNODE.id, theirs);
    await clickApply(page);
    const diff = await waitForSectionText(page, 'diff', 'was changed by someone else');
    assert.doesNotMatch(diff, /Someone else changed this enterprise/, 'the conflict table replaces the generic text');
    assert.match(diff, /amazon_bucket_prefix was changed by someone else to “their-prefix” \(it was “—” when you opened this tab\)/);
    assert.deepEqual((await readBackdoorState(sandbox, KEYNODE.id)).properties, theirs, 'nothing of theirs was overwritten');

    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    const now = await readBackdoorState(sandbox, KEYNODE.id);
    assert.equal(now.properties.cost_center, 'CC-99', 'their other change survives');
    assert.equal(now.properties.amazon_bucket_prefix, 'cur');
  });

  it('after a 5xx on Apply says nothing was written, and Apply again completes it', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {failNext: {status: 503, path: '/properties', method: 'PUT'}});
    await clickApply(page);
    const diff = await waitForSectionText(page, 'diff', 'The Abiquo server failed (HTTP 503)');
    assert.match(diff, /Pricing credentials: not saved\..*amazon_\* properties: not written; they are as they were\..*Nothing was written/s);
    await assertNothingSaved();

    await clickApply(page);
    await waitForSectionText(page, 'diff', SAVED);
    const done = await readBackdoorState(sandbox, KEYNODE.id);
    assert.equal(done.properties.amazon_bucket, BILLING_BUCKET);
    assert.equal(done.pricingCredentials.length, 1);
  });
});
