/**
 * "Add account" creates a standard enterprise whose default scope is the keynode's, with AMAZON public
 * credentials from the pasted `abiquo-billing-user-public` keys (checked with STS first), and "Only for billing"
 * not set. Asserted on what the simulated API holds afterwards; the account's AWS account is still shown when the
 * console is loaded again.
 */
import {createHash} from 'node:crypto';
import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {LINKED_KEYS} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {formatAccount} from '../../src/components/shared/identity.ts';
import {extensionStorageHolds, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {clickAddAccount, dropKeysCsv, openTabOf, typeLinkedAccountName, waitForSectionText} from '../../sandbox/drive/console-driver.ts';
import {readAllEnterprises, readBackdoorState} from '../../sandbox/drive/sandbox-backdoor.ts';

const [, analytics] = LINKED_KEYS;

describeInBrowsers('adding a linked AWS account from the keynode', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  before(async () => ({sandbox, ext} = await startWorld('happy-path', {browser})));
  after(() => stopWorld({sandbox, ext}));

  it('creates a standard enterprise in the keynode scope with AMAZON public credentials, "Only for billing" not set', {timeout: 60_000}, async () => {
    const keynode = await readBackdoorState(sandbox, KEYNODE.id);
    const page = await ext.browser.newPage();
    await openTabOf(page, sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Linked AWS accounts/);
    await typeLinkedAccountName(page, 'Acme Analytics');
    await dropKeysCsv(page, analytics, 'linked');
    await waitForSectionText(page, 'linked', `user/abiquo-billing-user-public in account ${formatAccount(analytics.account)}`);
    await clickAddAccount(page);
    const list = await waitForSectionText(page, 'linked', 'Enterprise Acme Analytics created with its AWS credentials.');
    assert.match(list, /Acme Analytics ✓ Passed: Present 3456-7890-1234/);

    const created = (await readAllEnterprises(sandbox)).find((e) => e.name === 'Acme Analytics');
    assert.ok(created, 'the API holds the new enterprise');
    assert.equal(created.keyNode, false);
    assert.equal(created.defaultScopeId, keynode.defaultScopeId);
    assert.deepEqual(
      created.credentials.map((c) => ({
        provider: c.provider,
        access: c.access,
        keySha256: c.keySha256,
        flagsSet: Object.keys(c.flags).filter((flag) => c.flags[flag]),
      })),
      [{provider: 'AMAZON', access: analytics.accessKeyId, keySha256: createHash('sha256').update(analytics.secretAccessKey).digest('hex'), flagsSet: []}],
    );
    assert.deepEqual(created.pricingCredentials, []);
    await page.close();
  });

  it('still knows its AWS account when the dialog opens again after a reload (Abiquo never gives it back)', {timeout: 60_000}, async () => {
    const page = await ext.browser.newPage();
    await openTabOf(page, sandbox.consoleUrl, {user: 'admin', password: 'admin-demo'}, KEYNODE.name, /Linked AWS accounts/);
    assert.match(await waitForSectionText(page, 'linked', 'Acme Analytics'), /Acme Analytics ✓ Passed: Present 3456-7890-1234/);
    // What the browser remembered for it is the account ID, not its keys.
    assert.equal(await extensionStorageHolds(ext, analytics.account), true, 'the account ID is remembered');
    for (const key of [analytics.secretAccessKey, analytics.accessKeyId]) assert.equal(await extensionStorageHolds(ext, key), false, 'a key is in storage');
    await page.close();
  });
});
