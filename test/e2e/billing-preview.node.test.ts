/**
 * The billing preview in the built extension on the simulated console: the keynode's report verified, "Preview the
 * billing" reads the newest complete period in the preview frame, and each account's cost shown equals the cost this
 * test adds up itself from the files in the bucket (reportRows in sandbox/aws/test-support.ts), blended and unblended; the payer
 * is the keynode's, and an account with costs that no linked enterprise bills is flagged, its "Add account" opening
 * the linked-accounts form.
 */
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {S3Client} from '@aws-sdk/client-s3';
import {BILLING_BUCKET, BILLING_REGION, PAYER_ACCOUNT, PRICING_KEY, REPORT_NAME, REPORT_PREFIX, UNCLAIMED_ACCOUNT} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import type {ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {
  addAccountFromPreview,
  chooseCosts,
  openTabOf,
  pickReport,
  readPreview,
  startPreview,
  typeBucket,
  typeKeys,
  waitForDeep,
  waitForSectionText,
} from '../../sandbox/drive/console-driver.ts';
import {resetSandbox} from '../../sandbox/drive/sandbox-backdoor.ts';
import {costUnits, reportRows} from '../../sandbox/aws/test-support.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';

const admin = {user: 'admin', password: 'admin-demo'};
/** `$1,234.57` → 1234.57 (English formatting). */
const amount = (shown: string) => Number(shown.replace(/[^\d.-]/g, ''));

/** The happy path's report is GZIP, with an account nobody has keys for; zip-report's is the same setup in ZIP. */
const cases = [
  {
    scenario: 'happy-path',
    compression: 'GZIP',
    bases: ['unblended', 'blended'],
    report: `${REPORT_PREFIX}/${REPORT_NAME}`,
    folder: `${REPORT_PREFIX}/${REPORT_NAME}/`,
  },
  {scenario: 'zip-report', compression: 'ZIP', bases: ['blended'], report: `${REPORT_PREFIX}/${REPORT_NAME}`, folder: `${REPORT_PREFIX}/${REPORT_NAME}/`},
  // AWS wrote this one's keys under a leading `/` (a report created without a path prefix).
  {scenario: 'leading-slash', compression: 'GZIP', bases: ['unblended'], report: REPORT_NAME, folder: `/${REPORT_NAME}/`},
] as const;

for (const {scenario, compression, bases, report, folder} of cases) {
  describeInBrowsers(
    `the billing preview of a ${compression} report (${scenario}): what the dashboards will show, and which accounts no enterprise bills`,
    (browser) => {
      let sandbox: Sandbox;
      let ext: ExtensionBrowser;

      before(async () => ({sandbox, ext} = await startWorld(scenario, {browser})));
      after(() => stopWorld({sandbox, ext}));

      for (const basis of bases) {
        it(
          `shows each account's ${basis} cost as the bucket's files add up, the payer as the keynode, and flags the accounts nobody bills`,
          {timeout: 90_000},
          async () => {
            await resetSandbox(sandbox);
            const page = await ext.browser.newPage();
            await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, /Pricing credentials/);
            await typeKeys(page, PRICING_KEY);
            await typeBucket(page, BILLING_BUCKET);
            await pickReport(page, report);
            if (basis === 'blended') await chooseCosts(page, 'blended');
            const intro = await waitForSectionText(page, 'preview', /\d{8}-\d{8}/);
            const period = intro.match(/\d{8}-\d{8}/)![0];

            const rows = await readPreview(await startPreview(page));

            const s3 = new S3Client({region: BILLING_REGION, endpoint: sandbox.s3Url, forcePathStyle: true, credentials: PRICING_KEY});
            const lines = await reportRows(s3, BILLING_BUCKET, `${folder}${period}/${REPORT_NAME}-Manifest.json`);
            const column = basis === 'blended' ? 'lineItem/BlendedCost' : 'lineItem/UnblendedCost';
            const expected = new Map<string, bigint>();
            for (const line of lines) {
              const account = line['lineItem/UsageAccountId']!;
              expected.set(account, (expected.get(account) ?? 0n) + costUnits(line[column]!));
            }
            const costed = rows.filter((row) => row.kind !== 'idle');
            assert.deepEqual(costed.map((row) => row.account).sort(), [...expected.keys()].sort(), 'every account with costs is shown, once');
            for (const row of costed) {
              const cost = Number(expected.get(row.account)!) / 1e10;
              assert.equal(amount(row.cost), Math.round(cost * 100) / 100, `${row.account}: shown ${row.cost}, the files add up to ${cost}`);
            }
            assert.equal(rows.find((row) => row.account === PAYER_ACCOUNT)?.kind, 'keynode');
            // No linked enterprise of this keynode has keys added in this tab: every other account is billed to nobody.
            const others = costed.filter((row) => row.account !== PAYER_ACCOUNT);
            assert.ok(others.length > 0 && others.every((row) => row.kind === 'unbilled' && /Not billed: no linked enterprise/.test(row.billedTo)));
            if (scenario === 'happy-path') assert.ok(others.some((row) => row.account === UNCLAIMED_ACCOUNT));

            // "Add account" leads to the linked accounts' form: open, in view.
            await addAccountFromPreview(page, others[0]!.account);
            const name = await waitForDeep(page, 'boa-billing-tab >>> boa-linked-accounts >>> form input#name');
            // Waited for as a condition in the page: the form's name field laid out within the window.
            await page.waitForFunction(
              (field) => {
                const box = field.getBoundingClientRect();
                return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
              },
              {timeout: 10_000},
              name,
            );
            await page.close();
          },
        );
      }
    },
  );
}
