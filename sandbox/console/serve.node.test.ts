/**
 * The simulated console renders the Users view and the enterprise dialog from the hand-written fixtures of
 * test/fixtures/console/ (the ones the extension's selectors are tested against), never the other way round.
 */
import assert from 'node:assert/strict';
import {readFile, readdir} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {MARKUP_DIR, MARKUP_FILE, serveConsole} from './serve.ts';

const DIALOGS = ['enterprise-dialog.3x.en.html', 'enterprise-dialog.3x.es.html'];
const USERS_VIEWS = ['users-view.3x.en.html', 'users-view.3x.es.html'];

// What app.js finds its way by, as AngularJS does: the fixtures must carry it.
const DIALOG_HOOKS = [
  'class="modal modal-form',
  'class="tabbable"',
  '.modal-footer',
  'credentials-list"',
  'ng-model="enterprise.name"',
  'ng-model="enterprise.defaultScope"',
  'ng-model="enterprise.reseller"',
  'ng-model="enterprise.keyNode"',
  'ng-repeat="credential in publicCredentials"',
  'ng-repeat="credential in pricingCredentials"',
  'ng-click="releaseAccount(credential)"',
  'ng-model="publicCredential.provider"',
  'ng-model="publicCredential.access"',
  'ng-model="publicCredential.key"',
  'ng-model="publicCredential.onlyForBilling"',
  'ng-model="pricingCredential.provider"',
  'ng-model="pricingCredential.access"',
  'ng-model="pricingCredential.key"',
  'ng-click="addPublicAccount()"',
  'ng-click="addPricingAccount()"',
  'ng-click="generateBilling()"',
  'ng-repeat="property in properties"',
  'ng-click="removeProperty(property)"',
  'ng-click="editProperty(property)"',
  'ng-model="newProperty.key"',
  'ng-model="newProperty.value"',
  'ng-click="addProperty()"',
  'ng-click="close()"',
  'ng-click="save()"',
];
const USERS_VIEW_HOOKS = ['class="ab-topiclist"', 'ng-repeat="enterprise in enterprises"', 'ng-click="select(enterprise)"', 'ng-click="edit(enterprise)"'];
// The handles app.js adds for the e2e drivers: a fixture holding one would have been saved from the simulator.
const DRIVER_HOOKS = /\b(?:enterprise-modal|enterprise-list|enterprise-row|enterprise-name|edit-enterprise|save|cancel)\b(?=[^"]*")/;

describe("the simulated console's markup", () => {
  let server: Server;
  let origin: string;
  before(async () => {
    server = createServer((req, res) => void serveConsole(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is served from test/fixtures/console/, byte for byte, one file per view and language', async () => {
    const files = (await readdir(MARKUP_DIR)).filter((file) => MARKUP_FILE.test(file)).sort();
    assert.deepEqual(files, [...DIALOGS, ...USERS_VIEWS].sort());
    for (const file of files) {
      const response = await fetch(`${origin}/ui/fixtures/${file}`);
      assert.equal(response.status, 200, file);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(await response.text(), await readFile(path.join(MARKUP_DIR, file), 'utf8'), file);
    }
  });

  it('serves nothing else from there', async () => {
    for (const name of ['enterprise-dialog.3x.fr.html', '..%2F..%2Fpackage.json', 'enterprise-modal.en.html', '']) {
      const response = await fetch(`${origin}/ui/fixtures/${name}`);
      assert.equal(response.status, 404, name);
      await response.body?.cancel();
    }
  });

  it("carries what the simulator fills and binds, names its sources, and none of the drivers' handles", async () => {
    for (const [files, hooks] of [
      [DIALOGS, DIALOG_HOOKS],
      [USERS_VIEWS, USERS_VIEW_HOOKS],
    ] as const) {
      for (const file of files) {
        const markup = await readFile(path.join(MARKUP_DIR, file), 'utf8');
        for (const hook of hooks) assert.ok(markup.includes(hook), `${file} lacks ${hook}`);
        assert.match(markup, /^<!--[\s\S]*Sources \[C\][\s\S]*Inferred \[I\][\s\S]*?-->/, `${file}: header naming sources and inferences`);
        const classes = [...markup.matchAll(/class="([^"]*)"/g)].map((match) => match[1]!);
        assert.deepEqual(
          classes.filter((value) => DRIVER_HOOKS.test(`${value}"`)),
          [],
          `${file} holds a driver's handle`,
        );
      }
    }
  });
});
