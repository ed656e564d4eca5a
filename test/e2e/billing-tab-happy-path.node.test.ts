/**
 * The whole happy path of the issue, in the built extension on the simulated console: Users view → edit the
 * keynode → the tab; pricing keys typed and dropped as accessKeys.csv → identity; the bucket typed → its report
 * discovered and picked → every check passes → the diff holds exactly the six `amazon_*` values → Apply → the API
 * holds them, every property it held before, and the AMAZON pricing credentials.
 */
import {createHash} from 'node:crypto';
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {BILLING_BUCKET, BILLING_REGION, PAYER_ACCOUNT, PRICING_KEY, REPORT_NAME, REPORT_PREFIX} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {formatAccount} from '../../src/components/shared/identity.ts';
import {extensionStorageHolds, pageHolds, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {
  clickApply,
  dropKeysCsv,
  typeLinkedAccountName,
  openTabOf,
  pickReport,
  readDiff,
  typeBucket,
  typeKeys,
  waitForSectionText,
  waitForTabText,
} from '../../sandbox/drive/console-driver.ts';
import {readBackdoorState, resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

const admin = {user: 'admin', password: 'admin-demo'};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeInBrowsers('billing-only AWS on a keynode, from pasted keys to applied properties', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  after(() => stopWorld({sandbox, ext}));

  for (const entry of ['typed', 'dropped as accessKeys.csv'] as const) {
    it(
      `shows the identity of pricing keys ${entry}, discovers the report, and Apply writes the six values and the credentials`,
      {timeout: 60_000},
      async () => {
        await resetSandbox(sandbox);
        const before = await readBackdoorState(sandbox, KEYNODE.id);
        page = await ext.browser.newPage();
        await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, /Pricing credentials/);

        if (entry === 'typed') await typeKeys(page, PRICING_KEY);
        else await dropKeysCsv(page, PRICING_KEY);
        await waitForTabText(page, `user/abiquo-billing-user in account ${formatAccount(PAYER_ACCOUNT)}`);

        await typeBucket(page, BILLING_BUCKET);
        await pickReport(page, `${REPORT_PREFIX}/${REPORT_NAME}`);
        const checks = await waitForSectionText(page, 'report', /Checks passed: \d+/);
        assert.doesNotMatch(checks, /Failed:/, 'every check of the report passes');
        const diff = await waitForSectionText(page, 'diff', /Other properties left as they are/);

        assert.deepEqual(await readDiff(page), {
          amazon_bucket: ['—', BILLING_BUCKET],
          amazon_bucket_region: ['—', BILLING_REGION],
          amazon_report_name: ['—', REPORT_NAME],
          amazon_bucket_prefix: ['—', REPORT_PREFIX],
          amazon_billing_compress_format: ['—', 'GZ'],
          amazon_mpa: ['—', 'shared'],
        });
        assert.match(diff, /Other properties left as they are: 2\./);

        // The probe reads form values inside shadow roots: shown here with a value typed into another field of the tab.
        await typeLinkedAccountName(page, 'probe-marker-7f3a');
        assert.equal(await pageHolds(page, 'probe-marker-7f3a'), true);
        await clickApply(page);
        assert.match(await waitForSectionText(page, 'diff', SAVED), /6 amazon_\* properties and the pricing credentials\./);

        const after = await readBackdoorState(sandbox, KEYNODE.id);
        assert.deepEqual(after.properties, {
          ...before.properties,
          amazon_bucket: BILLING_BUCKET,
          amazon_bucket_region: BILLING_REGION,
          amazon_report_name: REPORT_NAME,
          amazon_bucket_prefix: REPORT_PREFIX,
          amazon_billing_compress_format: 'GZ',
          amazon_mpa: 'shared',
        });
        assert.deepEqual(
          after.pricingCredentials.map((c) => [c.provider, c.access, c.keySha256]),
          [['AMAZON', PRICING_KEY.accessKeyId, sha256(PRICING_KEY.secretAccessKey)]],
        );
        // Once saved, the secret is cleared from the form; never in the DOM, a URL or storage (docs/threat-model.md).
        assert.equal(await pageHolds(page, PRICING_KEY.secretAccessKey), false, 'the secret is gone from the page');
        assert.equal(page.url().includes(PRICING_KEY.secretAccessKey), false);
        assert.equal(await extensionStorageHolds(ext, PRICING_KEY.secretAccessKey), false, 'the secret is in no extension storage');
        await page.close();
      },
    );
  }
});
