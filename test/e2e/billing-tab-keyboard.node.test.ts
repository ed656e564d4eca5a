/**
 * The whole flow with the keyboard only: log in, reach the keynode's edit button, open the Billing-only AWS tab,
 * type the pricing keys and the bucket, and Apply, moving with Tab and acting with Enter, never a click.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {BILLING_BUCKET, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import type {ExtensionBrowser} from '../helpers/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../helpers/e2e-world.ts';
import {tabTo, waitForDeep, waitForSectionText, waitForTabText} from '../helpers/console-driver.ts';
import {readBackdoorState} from '../helpers/sandbox-backdoor.ts';

describe('the Billing-only AWS tab with the keyboard only', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => ({sandbox, ext} = await startWorld('happy-path')));
  after(() => stopWorld({sandbox, ext}));

  it('goes from login to applied properties with Tab, typing and Enter', {timeout: 90_000}, async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${sandbox.consoleUrl}#/enterprises`);
    await page.waitForSelector('#login-username');
    await tabTo(page, /^input#login-username/);
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('admin-demo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.enterprise-list .edit-enterprise');

    await tabTo(page, new RegExp(`^button Edit enterprise ${KEYNODE.name}$`));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal.enterprise-modal');
    await waitForDeep(page, '.modal li[data-boa-mounted] > a');
    await tabTo(page, /^a Billing-only AWS$/);
    await page.keyboard.press('Enter');
    await waitForTabText(page, /Pricing credentials/);

    await tabTo(page, /^input#key-id\[key-id\]/);
    await page.keyboard.type(PRICING_KEY.accessKeyId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PRICING_KEY.secretAccessKey);
    await waitForSectionText(page, 'pricing', 'Connected as abiquo-billing-user');
    await tabTo(page, /^input#bucket/);
    await page.keyboard.type(BILLING_BUCKET);
    await waitForSectionText(page, 'diff', /Other properties left as they are/);
    await tabTo(page, /^button Apply$/);
    await page.keyboard.press('Enter');
    await waitForSectionText(page, 'diff', 'amazon_* properties: saved.');
    assert.equal((await readBackdoorState(sandbox, KEYNODE.id)).properties.amazon_bucket, BILLING_BUCKET);
    await page.close();
  });
});
