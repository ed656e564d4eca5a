/**
 * Apply and Add account are all or nothing (issue 9): a 403 at each write step leaves what the simulated API holds
 * exactly as before and names the missing privilege; a role that lacks one is refused before any write; Add
 * account refuses keys that cannot be right, says "reused" or "created" truthfully, and explains a name taken
 * outside the keynode's scope. Leaving the console while Apply writes asks first. The limited-roles scenario: the
 * happy path plus one user per missing privilege.
 */
import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, it} from 'node:test';
import type {Dialog, Page} from 'puppeteer-core';
import {LINKED_KEYS, PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';
import type {Sandbox} from '../../sandbox/server.ts';
import {poll, type ExtensionBrowser} from '../../sandbox/drive/browser.ts';
import {KEYNODE, startWorld, stopWorld} from '../../sandbox/drive/world.ts';
import {describeInBrowsers} from '../helpers/describe-in-browsers.ts';
import {
  clickAddAccount,
  clickApply,
  openTabOf,
  readyToApply,
  sectionText,
  tickAddAnyway,
  typeKeys,
  typeLinkedAccountName,
  waitForSectionText,
} from '../../sandbox/drive/console-driver.ts';
import {
  clearFaults,
  injectFaults,
  readAllEnterprises,
  readApiWrites,
  readBackdoorState,
  resetSandbox,
  type BackdoorEnterprise,
} from '../../sandbox/drive/sandbox-backdoor.ts';
import {SAVED} from '../../sandbox/drive/saved-text.ts';

const admin = {user: 'admin', password: 'admin-demo'};
const [analytics] = LINKED_KEYS;
/** An IAM user of limited-roles that is not a linked account's abiquo-billing-user-public. */
const OPS_ADMIN = {accessKeyId: 'AKIAOPSADMINEXAMPLE5', secretAccessKey: 'Xq3vPzLm8NtR/2Ykw9Fb/h4JdC1nsaEXAMPLEKEY'};

describeInBrowsers('Apply and Add account: all or nothing', (browser) => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;
  let initial: BackdoorEnterprise[];

  /** Name and keys in the Add account form, checked with STS. */
  async function readyToAdd(name: string, keys: {accessKeyId: string; secretAccessKey: string}, login = admin): Promise<void> {
    await openTabOf(page, sandbox.consoleUrl, login, KEYNODE.name, /Linked AWS accounts/);
    await typeLinkedAccountName(page, name);
    await typeKeys(page, keys, 'linked');
    await waitForSectionText(page, 'linked', / in account \d{4}-\d{4}-\d{4}/);
  }

  /** Everything the API holds (every enterprise, its properties and credentials) is as the scenario started. */
  async function assertApiAsBefore(): Promise<void> {
    const strip = (all: BackdoorEnterprise[]) => all.map(({versions: _versions, ...rest}) => rest);
    assert.deepEqual(strip(await readAllEnterprises(sandbox)), strip(initial));
  }

  before(async () => {
    ({sandbox, ext} = await startWorld('limited-roles', {browser}));
    initial = await readAllEnterprises(sandbox);
  });
  beforeEach(async () => {
    await resetSandbox(sandbox);
    page = await ext.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  after(() => stopWorld({sandbox, ext}));

  /** Apply started, slowed down so that it is still writing; then the page is asked to reload. */
  async function reloadDuringApply(): Promise<Dialog> {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {latencyMs: 300});
    await clickApply(page);
    await waitForSectionText(page, 'diff', /Saving…/);
    const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    const left = page.waitForNavigation().then(() => 'the page left without asking' as const);
    void page.evaluate('window.__beforeReload = true; location.reload()').catch(() => undefined);
    const dialog = await Promise.race([asked, left]);
    assert.ok(typeof dialog !== 'string', dialog as string);
    assert.equal(dialog.type(), 'beforeunload', 'the browser asks before leaving');
    left.catch(() => undefined);
    return dialog;
  }

  it('leaving the console while Apply writes asks first; staying lets Apply finish', async () => {
    await (await reloadDuringApply()).dismiss();
    await waitForSectionText(page, 'diff', SAVED);
    const keynode = await readBackdoorState(sandbox, KEYNODE.id);
    assert.equal(keynode.pricingCredentials.length, 1);
    assert.equal(keynode.properties.amazon_report_name, 'abiquo-hourly');
  });

  it('leaving anyway during Apply: the tab, opened again, shows what the API holds', async () => {
    const dialog = await reloadDuringApply();
    await dialog.accept();
    await poll(
      async () => page.evaluate('window.__beforeReload === undefined && document.readyState === "complete"').catch(() => false),
      'the console never reloaded',
    );
    await clearFaults(sandbox);
    await openTabOf(page, sandbox.consoleUrl, admin, KEYNODE.name, /Pricing credentials/);
    // The writes in flight may or may not have reached Abiquo: the setup status, read from the API, says which.
    const status = await waitForSectionText(page, 'status', /pricing credentials/i);
    const keynode = await readBackdoorState(sandbox, KEYNODE.id);
    if (keynode.pricingCredentials.length > 0) assert.match(await sectionText(page, 'saved'), new RegExp(`Saved on ${KEYNODE.name}: pricing credentials`));
    else assert.match(status, /No pricing credentials on this keynode/);
    assert.match(status, keynode.properties.amazon_bucket ? /amazon_\* properties are present/ : /Missing properties: amazon_bucket/);
  });

  it('a 403 on the properties write (the first write) leaves the API as before and names the privilege', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {failNext: {status: 403, code: 'GEN-4', message: 'Not enough permissions', method: 'PUT', path: '/properties'}});
    await clickApply(page);
    const diff = await waitForSectionText(page, 'diff', 'Nothing was written: the enterprise is as it was before.');
    assert.match(diff, /lacks the privilege “Allow user to switch enterprise” \(ENTERPRISE_ADMINISTER_ALL\), “Manage enterprises” \(USERS_MANAGE_ENTERPRISE\)/);
    assert.match(diff, /Pricing credentials: not saved\..*amazon_\* properties: not written; they are as they were\./s);
    await assertApiAsBefore();
  });

  it('a 403 on the pricing credentials (the last write) puts the properties back and names the privilege', async () => {
    await readyToApply(page, sandbox.consoleUrl);
    await injectFaults(sandbox, {failNext: {status: 403, code: 'GEN-4', message: 'Not enough permissions', method: 'POST', path: '/pricingcredentials'}});
    await clickApply(page);
    const diff = await waitForSectionText(page, 'diff', 'Nothing was written: the enterprise is as it was before.');
    assert.match(diff, /lacks the privilege “Manage pricing credentials” \(MANAGE_PRICING_CREDENTIALS\)/);
    assert.match(diff, /amazon_\* properties: not written; they are as they were\./);
    // The properties were written, then put back: the API holds what it held.
    assert.deepEqual(
      (await readApiWrites(sandbox)).map((w) => `${w.method} ${w.path}`),
      [
        `PUT /admin/enterprises/${KEYNODE.id}/properties`,
        `POST /admin/enterprises/${KEYNODE.id}/pricingcredentials`,
        `PUT /admin/enterprises/${KEYNODE.id}/properties`,
      ],
    );
    await assertApiAsBefore();
  });

  it('a role that may read but not write the properties is refused before any write, with the privilege named', async () => {
    await readyToApply(page, sandbox.consoleUrl, {login: {user: 'no-manage-enterprise', password: 'no-manage-enterprise-demo'}});
    await clickApply(page);
    await waitForSectionText(page, 'diff', 'Nothing was written: your Abiquo role lacks “Manage enterprises” (USERS_MANAGE_ENTERPRISE)');
    assert.deepEqual(await readApiWrites(sandbox), [], 'the preflight sent no write');
    await assertApiAsBefore();
  });

  it('Add account: a 403 on creating the enterprise (the first write) leaves the API as before', async () => {
    await readyToAdd('Acme Analytics', analytics);
    await injectFaults(sandbox, {failNext: {status: 403, code: 'GEN-4', message: 'Not enough permissions', method: 'POST', path: '/admin/enterprises'}});
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', /lacks the privilege USERS_MANAGE_OTHER_ENTERPRISES/);
    await assertApiAsBefore();
  });

  it('Add account: a 403 on the credentials removes the enterprise just created, and names the privilege', async () => {
    await readyToAdd('Acme Analytics', analytics);
    await injectFaults(sandbox, {failNext: {status: 403, code: 'GEN-4', message: 'Not enough permissions', method: 'POST', path: '/credentials'}});
    await clickAddAccount(page);
    const linked = await waitForSectionText(
      page,
      'linked',
      'Nothing was added: the AWS credentials of "Acme Analytics" were refused, so the enterprise created for them was removed again.',
    );
    assert.match(linked, /lacks the privilege “Manage provider credentials” \(USERS_MANAGE_CREDENTIALS\)/);
    assert.deepEqual(
      (await readApiWrites(sandbox)).map((w) => w.method),
      ['POST', 'POST', 'DELETE'],
    );
    await assertApiAsBefore();
  });

  it('Add account: a role without "Manage provider credentials" is refused before any write', async () => {
    await readyToAdd('Acme Analytics', analytics, {user: 'no-provider-creds', password: 'no-provider-creds-demo'});
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'Nothing was written: your Abiquo role lacks “Manage provider credentials” (USERS_MANAGE_CREDENTIALS)');
    assert.deepEqual(await readApiWrites(sandbox), []);
    await assertApiAsBefore();
  });

  it("Add account: a name taken by an enterprise outside the keynode's scope is explained, and nothing is created", async () => {
    await readyToAdd('Globex Outside', analytics);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'An enterprise named "Globex Outside" already exists outside this keynode\'s scope');
    await assertApiAsBefore();
  });

  it("Add account refuses the pricing user's keys outright, with no override", async () => {
    await readyToAdd('Acme Analytics', PRICING_KEY);
    await clickAddAccount(page);
    const linked = await waitForSectionText(page, 'linked', 'These are the keys of abiquo-billing-user');
    assert.match(linked, /Paste that user's keys instead\./);
    assert.equal(await page.$('boa-billing-tab >>> boa-linked-accounts >>> #override:not([hidden] *)'), null);
    await assertApiAsBefore();
  });

  it('Add account refuses an AWS account already linked here, and adds it only on a deliberate override', async () => {
    await readyToAdd('Acme Analytics', analytics);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'Enterprise Acme Analytics created with its AWS credentials.');
    await typeLinkedAccountName(page, 'Acme Analytics 2');
    await typeKeys(page, analytics, 'linked');
    await waitForSectionText(page, 'linked', / in account \d{4}-\d{4}-\d{4}/);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', /These keys belong to AWS account 2109-8765-4321, already used here by Acme Analytics/);
    assert.equal((await readAllEnterprises(sandbox)).filter((e) => e.name.startsWith('Acme Analytics')).length, 1);
    // The override reaches the API, which itself refuses credentials already in use: nothing is left behind.
    await tickAddAnyway(page);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'Nothing was added');
    assert.equal((await readAllEnterprises(sandbox)).filter((e) => e.name.startsWith('Acme Analytics')).length, 1);
  });

  it('Add account refuses keys of another IAM user than abiquo-billing-user-public, unless deliberately overridden', async () => {
    await readyToAdd('Acme Ops', OPS_ADMIN);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'These keys belong to the IAM user ops-admin, not to abiquo-billing-user-public');
    await assertApiAsBefore();
    await tickAddAnyway(page);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'Enterprise Acme Ops created with its AWS credentials.');
    assert.equal((await readAllEnterprises(sandbox)).find((e) => e.name === 'Acme Ops')?.credentials[0]?.access, OPS_ADMIN.accessKeyId);
  });

  it('Add account says "already existed" when it completes an enterprise of the scope that had no credentials', async () => {
    await readyToAdd('Acme Retail', analytics);
    await clickAddAccount(page);
    await waitForSectionText(page, 'linked', 'Enterprise Acme Retail already existed in this scope without AWS credentials: they were added to it.');
    const retail = (await readAllEnterprises(sandbox)).filter((e) => e.name === 'Acme Retail');
    assert.deepEqual(
      retail.map((e) => e.id),
      initial.filter((e) => e.name === 'Acme Retail').map((e) => e.id),
      'the same enterprise, not a new one',
    );
    assert.equal(retail[0]!.credentials.length, 1);
  });
});
