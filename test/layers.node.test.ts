/**
 * The import boundaries and runtime rules of eslint.config.js (docs/architecture.md, "Layers") fail a deliberate
 * bad import: each is linted as a file of the folder it guards, next to an allowed counterpart that passes.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, it} from 'node:test';
import {ESLint} from 'eslint';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({cwd: root});
const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax']);

/** What the boundary rules say about `code` placed at `file` (a path that need not exist). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {filePath: path.join(root, file)});
  return result!.messages.filter((m) => m.ruleId !== null && boundaryRules.has(m.ruleId)).map((m) => m.message);
}

interface Case {
  readonly rule: string;
  readonly file: string;
  readonly bad: string;
  /** Words of the error's message, which says why. */
  readonly says: string;
  /** The same file with what the rule allows instead. */
  readonly good: string;
}

const cases: readonly Case[] = [
  {
    rule: 'abiquo → components',
    file: 'src/abiquo/new.ts',
    bad: "import type {BillingServices} from '../components/services.ts';",
    says: 'abiquo/ is the API client',
    good: "import type {AwsKeys} from '../aws/types.ts';",
  },
  {
    rule: 'abiquo → messaging',
    file: 'src/abiquo/new.ts',
    bad: "import {sendRequest} from '../messaging/client.ts';",
    says: 'abiquo/ is the API client',
    good: "import {ok} from '../shared/result.ts';",
  },
  {
    rule: 'abiquo → content',
    file: 'src/abiquo/new.ts',
    bad: "import {consoleContext} from '../content/console-context.ts';",
    says: 'abiquo/ is the API client',
    good: "import {apiUrl} from './links.ts';",
  },
  {
    rule: 'abiquo → console',
    file: 'src/abiquo/new.ts',
    bad: "import {guardLeaving} from '../console/leave-guard.ts';",
    says: 'abiquo/ is the API client',
    good: "import type {AbiquoResult} from './codes.ts';",
  },
  {
    rule: 'abiquo → background',
    file: 'src/abiquo/new.ts',
    bad: "import {probeAbiquo} from '../background/abiquo-probe.ts';",
    says: 'abiquo/ is the API client',
    good: "import {redact} from '../shared/mask.ts';",
  },
  {
    rule: 'aws → messaging',
    file: 'src/aws/new.ts',
    bad: "import {verifyPortName} from '../messaging/protocol.ts';",
    says: 'aws/ is the AWS engine',
    good: "import {logger} from '../shared/log.ts';",
  },
  {
    rule: 'aws → messaging, from a subfolder',
    file: 'src/aws/checks/new.ts',
    bad: "import type {VerifyPortResponse} from '../../messaging/protocol.ts';",
    says: 'aws/ is the AWS engine',
    good: "import type {Check} from '../types.ts';",
  },
  {
    rule: 'aws → abiquo',
    file: 'src/aws/new.ts',
    bad: "import type {AbiquoCode} from '../abiquo/codes.ts';",
    says: 'aws/ is the AWS engine',
    good: "import {KEY_ID} from '../shared/key-shapes.ts';",
  },
  {
    rule: 'aws → components',
    file: 'src/aws/new.ts',
    bad: "import {enterpriseNameProblem} from '../components/boa-linked-accounts/enterprise-name.ts';",
    says: 'aws/ is the AWS engine',
    good: "import {verifySetup} from './verify-setup.ts';",
  },
  {
    rule: 'aws → background',
    file: 'src/aws/new.ts',
    bad: "import {handleVerifyPort} from '../background/verify-port-handler.ts';",
    says: 'aws/ is the AWS engine',
    good: "import {verifySetup} from './verify-setup.ts';",
  },
  {
    rule: 'shared → aws',
    file: 'src/shared/new.ts',
    bad: "import type {AwsKeys} from '../aws/types.ts';",
    says: 'shared/ is the bottom layer',
    good: "import en from '../../locales/en/messages.json' with {type: 'json'};",
  },
  {
    rule: 'background → components',
    file: 'src/background/new.ts',
    bad: "import {registerComponents} from '../components/register.ts';",
    says: 'background/ is the service worker',
    good: "import {verifySetup} from '../aws/verify-setup.ts';",
  },
  {
    rule: 'src → sandbox',
    file: 'src/content/new.ts',
    bad: "import {PRICING_KEY} from '../../sandbox/aws/demo-keys.ts';",
    says: 'ships nothing of sandbox/',
    good: "import {logger} from '../shared/log.ts';",
  },
  {
    rule: 'src → test',
    file: 'src/components/boa-new/boa-new.ts',
    bad: "import {fakeServices} from '../../../test/helpers/fake-services.ts';",
    says: 'ships nothing of sandbox/',
    good: "import type {BillingServices} from '../services.ts';",
  },
  {
    rule: 'src → test, in a layer',
    file: 'src/aws/new.ts',
    bad: "import {createFakeChrome} from '../../test/helpers/fake-chrome.ts';",
    says: 'ships nothing of sandbox/',
    good: "import {parseRegion} from './parse-location.ts';",
  },
  {
    rule: 'scripts → test',
    file: 'scripts/new.ts',
    bad: "import {describeInBrowsers} from '../test/helpers/describe-in-browsers.ts';",
    says: 'Tools run without the tests',
    good: "import {launchWithExtension} from '../sandbox/drive/browser.ts';",
  },
  {
    rule: 'bench → test',
    file: 'bench/new.ts',
    bad: "import {createFakeChrome} from '../test/helpers/fake-chrome.ts';",
    says: 'Tools run without the tests',
    good: "import {startWorld} from '../sandbox/drive/world.ts';",
  },
  {
    rule: 'content → both catalogues',
    file: 'src/content/new.ts',
    bad: "import {createTranslator} from '../shared/i18n.ts';",
    says: 'bundles every catalogue',
    good: "import type {Translate} from '../shared/i18n.ts';",
  },
  {
    rule: 'console → both catalogues',
    file: 'src/console/new.ts',
    bad: "import {catalogues} from '../shared/i18n.ts';",
    says: 'bundles every catalogue',
    good: "import {translator} from '../shared/translate.ts';",
  },
  {
    rule: 'components → both catalogues',
    file: 'src/components/boa-new/boa-new.ts',
    bad: "import {catalogues} from '../../shared/i18n.ts';",
    says: 'bundles every catalogue',
    good: "import type {MessageKey} from '../../shared/i18n.ts';",
  },
  {
    rule: 'components use no extension API',
    file: 'src/components/boa-new/boa-new.ts',
    bad: 'export const id = chrome.runtime.id;',
    says: 'Components get services',
    good: 'export const id = 1;',
  },
  {
    rule: 'components use no network',
    file: 'src/components/boa-new/boa-new.ts',
    bad: "export const answer = fetch('/api');",
    says: 'Components get services',
    good: 'export const answer = Promise.resolve();',
  },
  {
    rule: 'the worker has no DOM',
    file: 'src/background/new.ts',
    bad: "export const link = document.createElement('a');",
    says: 'The service worker (background/, aws/) has no DOM',
    good: 'export const title = self.name;',
  },
  {
    rule: 'the AWS engine has no DOM',
    file: 'src/aws/checks/new.ts',
    bad: "export const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');",
    says: 'The service worker (background/, aws/) has no DOM',
    good: 'export const parse = (xml: string) => xml;',
  },
  {
    rule: 'messaging → components (code)',
    file: 'src/messaging/new.ts',
    bad: "export {registerComponents} from '../components/register.ts';",
    says: 'messaging/ is the typed contract',
    good: "export type {KeyEntryState} from '../components/services.ts';",
  },
  {
    rule: 'messaging → content',
    file: 'src/messaging/new.ts',
    bad: "import {framedKeyEntry} from '../content/framed-key-entry.ts';",
    says: 'messaging/ is the typed contract',
    good: "import type {AwsKeys} from '../aws/types.ts';",
  },
  {
    rule: 'preview → abiquo',
    file: 'src/preview/new.ts',
    bad: "import type {LinkedAccount} from '../abiquo/types.ts';",
    says: 'preview/ is the billing preview engine',
    good: "import type {Compression} from '../aws/types.ts';",
  },
  {
    rule: 'preview → components',
    file: 'src/preview/new.ts',
    bad: "import {registerComponents} from '../components/register.ts';",
    says: 'preview/ is the billing preview engine',
    good: "import {ok} from '../shared/result.ts';",
  },
  {
    rule: 'the content wiring reads no console markup',
    file: 'src/content/new.ts',
    bad: "export const heading = (dialog: Element) => dialog.querySelector('h1');",
    says: 'Only src/console/ reads the console page DOM',
    good: "export {readEnterpriseName as heading} from '../console/find-enterprise-dialog.ts';",
  },
  {
    rule: 'the API client reads no page',
    file: 'src/abiquo/new.ts',
    bad: 'export const page = () => document.body;',
    says: 'Only src/console/ reads the console page DOM',
    good: 'export const page = () => undefined;',
  },
  {
    rule: 'the messaging reads no page',
    file: 'src/messaging/new.ts',
    bad: "export const frames = () => document.getElementsByTagName('iframe');",
    says: 'Only src/console/ reads the console page DOM',
    good: 'export const frames = () => [];',
  },
];

describe('lint keeps each folder to what its layer may import', () => {
  for (const {rule, file, bad, says, good} of cases) {
    it(`${rule}: refused, with why`, async () => {
      const errors = await boundaryErrors(file, bad);
      assert.equal(errors.length, 1, `${file}: ${bad} → ${JSON.stringify(errors)}`);
      assert.match(errors[0]!, new RegExp(says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.deepEqual(await boundaryErrors(file, good), [], `${file}: ${good}`);
    });
  }

  it('src/console/ reads the console page', async () => {
    assert.deepEqual(await boundaryErrors('src/console/new.ts', "export const heading = (dialog: Element) => dialog.querySelector('h1');"), []);
  });

  it('a test file may import the test helpers and the simulation', async () => {
    assert.deepEqual(await boundaryErrors('src/aws/new.node.test.ts', "import {startAws} from '../../sandbox/aws/index.ts';"), []);
    assert.deepEqual(
      await boundaryErrors('src/components/boa-new/boa-new.test.ts', "import {fakeServices} from '../../../test/helpers/fake-services.ts';"),
      [],
    );
  });
});
