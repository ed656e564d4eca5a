/**
 * Proves that each protection listed in docs/threat-model.md is guarded: in a scratch copy of the working tree,
 * the protection is removed (exact text replacements, which must still apply) and its guarding test must then
 * fail, while it passes on the code as it stands (checked first). One line per protection, then a summary; exits
 * non-zero if any protection is not guarded.
 *
 *   npm run test:protections                 every protection
 *   npm run test:protections -- redirect     only those whose id contains "redirect"
 *
 * e2e guards run in Chromium only (their Firefox twins share the protection's code), except the Firefox-only one.
 */
import {spawnSync, execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {ensureBrowsers} from './ensure-browsers.ts';

interface Edit {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

interface Protection {
  readonly id: string;
  readonly what: string;
  readonly edits: readonly Edit[];
  /**
   * The guarding test: a node test file (with an optional name pattern), one on the release build (`release`: built
   * first), a browser test file, or an e2e file.
   */
  readonly guard: {readonly kind: 'node' | 'release' | 'wtr' | 'e2e'; readonly file: string; readonly pattern?: string; readonly browsers?: string};
}

const e2e = (file: string, pattern?: string, browsers = 'chromium') => ({kind: 'e2e', file, browsers, ...(pattern ? {pattern} : {})}) as const;
const node = (file: string, pattern?: string) => ({kind: 'node', file, ...(pattern ? {pattern} : {})}) as const;

export const protections: readonly Protection[] = [
  {
    id: 'secret-in-extension-frame',
    what: "The access key form lives in an extension-origin frame, out of the console page's reach",
    edits: [
      {
        file: 'src/content/billing-tab-feature.ts',
        from: 'keyEntry: (onKeys) => framedKeyEntry(context.t, context.language, onKeys),',
        to: 'keyEntry: (onKeys) => inPageKeyEntry(context.t, onKeys),',
      },
      {
        file: 'src/content/billing-tab-feature.ts',
        from: "import {framedKeyEntry} from './framed-key-entry.ts';",
        to: "import {inPageKeyEntry} from '../components/boa-keys-input/in-page-key-entry.ts';",
      },
    ],
    guard: e2e('test/e2e/secret-isolation.node.test.ts'),
  },
  {
    id: 'operator-input-only',
    what: "The console page's scripts cannot press the tab's buttons with synthetic events",
    edits: [{file: 'src/console/refuse-synthetic-input.ts', from: 'if (event.isTrusted) return;', to: 'if (event.type) return;'}],
    guard: e2e('test/e2e/secret-isolation.node.test.ts', 'cannot press Apply'),
  },
  {
    id: 'webrequest-console-enterprises-only',
    what: "The worker wakes for the console's enterprise requests only, not for every request to a granted host",
    edits: [{file: 'src/background/enterprise-requests.ts', from: "urls: ['*://*/*admin/enterprises/*']", to: "urls: ['<all_urls>']"}],
    guard: node('src/background/enterprise-requests.node.test.ts'),
  },
  {
    id: 'enable-only-abiquo-apis',
    what: 'A site that does not answer like an Abiquo API is not enabled, and its permission is removed again',
    edits: [{file: 'src/background/console-origins.ts', from: 'if (!abiquo.ok) {', to: "if (!abiquo.ok && origin === '') {"}],
    guard: node('src/background/console-origins.node.test.ts', 'does not answer like an Abiquo API'),
  },
  {
    id: 'frame-pairing-same-tab',
    what: "Only a frame of ours (key entry, billing preview) in the same tab can claim the content script's channel",
    edits: [{file: 'src/background/frame-pairing.ts', from: 'owner !== undefined && owner === tabId', to: 'owner !== undefined'}],
    guard: node('src/messaging/sender.node.test.ts'),
  },
  {
    id: 'sender-top-frame-only',
    what: "Only the console's top frame (or our key-entry and preview frames) is a sender the worker answers",
    edits: [
      {
        file: 'src/messaging/sender.ts',
        from: "if (sender.frameId !== 0) return EMBEDDED_PAGES.some((page) => url.startsWith(`${context.extensionBaseUrl}${page}`)) ? 'frame' : undefined;",
        to: "if (EMBEDDED_PAGES.some((page) => url.startsWith(`${context.extensionBaseUrl}${page}`))) return 'frame';",
      },
    ],
    guard: node('src/messaging/sender.node.test.ts'),
  },
  {
    id: 'exact-console-origin-port',
    what: "Nothing of ours starts on another port of an enabled console's host",
    edits: [
      {
        file: 'src/content/index.ts',
        from: "if ((!reply.ok && reply.code === 'SENDER_REJECTED') || controller.signal.aborted) return;",
        to: 'if (controller.signal.aborted) return;',
      },
    ],
    guard: e2e('test/e2e/extension.node.test.ts', 'another port'),
  },
  {
    id: 'writes-never-follow-redirects',
    what: 'A write answered with a redirect is not re-sent anywhere (its body may hold a secret)',
    edits: [{file: 'src/abiquo/http.ts', from: "            redirect: 'manual',\n            signal,", to: '            signal,'}],
    guard: e2e('test/e2e/redirects.node.test.ts', '307'),
  },
  {
    id: 'reads-stay-on-the-console-origin',
    what: 'A read answered from another origin is refused',
    edits: [{file: 'src/abiquo/no-prompt-fetch.ts', from: 'if (answeredBy !== new URL(input.url).origin) {', to: 'if (answeredBy === "never") {'}],
    guard: e2e('test/e2e/redirects.node.test.ts', 'read redirected'),
  },
  {
    id: 'no-browser-login-prompt',
    what: "A 401 with Abiquo's Basic challenge reaches the tab, not the browser's login prompt",
    edits: [{file: 'src/abiquo/http.ts', from: "input.method === 'GET' ? noPromptFetch(input)", to: "input.method === 'NEVER' ? noPromptFetch(input)"}],
    guard: e2e('test/e2e/console-variants.node.test.ts', 'login prompt'),
  },
  {
    id: 'apply-preflight',
    what: "Apply checks the session's privileges before any write",
    edits: [
      {file: 'src/abiquo/apply-setup.ts', from: 'if (!allowed.ok) return failureOf(allowed);', to: 'if (!allowed.ok && allowed.ok) return failureOf(allowed);'},
    ],
    guard: node('src/abiquo/abiquo-service.node.test.ts', 'refuses before any write'),
  },
  {
    id: 'apply-undo',
    what: 'A failed Apply puts back the properties it wrote',
    edits: [
      {
        file: 'src/abiquo/apply-setup.ts',
        from: 'const undone = ended || cancelled ? await undo?.() : undefined;',
        to: 'const undone = ended || cancelled ? undefined : await undo?.();',
      },
    ],
    guard: node('src/abiquo/abiquo-service.node.test.ts', 'puts the properties back'),
  },
  {
    id: 'lost-answer-properties-put-back',
    what: 'A properties PUT whose answer is lost (done or not) is put back when Apply does not complete',
    edits: [{file: 'src/abiquo/apply-setup.ts', from: 'plan.loaded, signal, armUndo);', to: 'plan.loaded, signal);'}],
    guard: node('src/abiquo/write-faults.node.test.ts', 'the properties PUT'),
  },
  {
    id: 'lost-answer-enterprise-found',
    what: 'An enterprise created but unanswered is found and completed, not left without credentials',
    edits: [
      {
        file: 'src/abiquo/linked-accounts.ts',
        from: 'const appeared = signal.aborted ? undefined : await findNamed(http, keynode, name, signal);',
        to: 'const appeared = undefined as Awaited<ReturnType<typeof findNamed>> | undefined;',
      },
    ],
    guard: node('src/abiquo/write-faults.node.test.ts', 'the enterprise POST'),
  },
  {
    id: 'leaving-during-a-write-asks',
    what: 'Leaving or reloading the console while Apply or Add account writes asks first',
    edits: [{file: 'src/console/leave-guard.ts', from: "window.addEventListener('beforeunload', ask);", to: 'void ask;'}],
    guard: e2e('test/e2e/all-or-nothing.node.test.ts', 'asks first'),
  },
  {
    id: 'add-account-undo',
    what: 'Add account removes the enterprise it created when the credentials fail',
    edits: [{file: 'src/abiquo/linked-accounts.ts', from: 'if (found || account.keepOnFailure) return', to: 'if (found || !account.keepOnFailure) return'}],
    guard: node('src/abiquo/abiquo-service.node.test.ts', 'removes the enterprise it created'),
  },
  {
    id: 'properties-conflict',
    what: 'Apply never overwrites an amazon_* value someone else changed since the tab loaded it',
    edits: [
      {
        file: 'src/abiquo/properties.ts',
        from: 'if (conflicts.length > 0) return conflict(conflicts);',
        to: 'if (conflicts.length < 0) return conflict(conflicts);',
      },
    ],
    guard: node('src/abiquo/properties.node.test.ts', 'refuses to overwrite'),
  },
  {
    id: 'redaction-decodes',
    what: 'Redaction finds secrets URL-, JSON- or HTML-encoded',
    edits: [
      {
        file: 'src/shared/mask.ts',
        from: 'const {view, starts} = decodedView(text);',
        to: 'const {view, starts} = {view: text, starts: [...text.split("").keys(), text.length]};',
      },
    ],
    guard: node('src/shared/mask.node.test.ts'),
  },
  {
    id: 'no-key-as-enterprise-name',
    what: "A key pasted into a linked account's name is refused, never sent as the name",
    edits: [
      {
        file: 'src/components/boa-linked-accounts/enterprise-name.ts',
        from: "redact(trimmed) !== trimmed ? 'tab_linked_name_secret'",
        to: "redact(trimmed) === '' ? 'tab_linked_name_secret'",
      },
    ],
    guard: {kind: 'wtr', file: 'src/components/boa-linked-accounts/boa-linked-accounts.test.ts'},
  },
  {
    id: 'secret-cleared-after-save',
    what: "Once Apply saved the pricing keys, the secret leaves the form and the components' memory",
    edits: [{file: 'src/components/boa-billing-tab/boa-billing-tab.ts', from: 'this.pricingForm.value?.clearSecret();', to: 'void this.pricingForm.value;'}],
    guard: {kind: 'wtr', file: 'src/components/boa-billing-tab/boa-billing-tab.test.ts'},
  },
  {
    id: 'check-task-forgets-secret',
    what: "A check's input (the keys) is not kept once its run started (task arguments outlive the run)",
    edits: [
      {file: 'src/components/shared/keys-verification.ts', from: 'const input = this.input;\n        this.input = undefined;', to: 'const input = this.input;'},
    ],
    guard: {kind: 'wtr', file: 'src/components/boa-billing-tab/boa-billing-tab.test.ts'},
  },
  {
    id: 'add-account-task-forgets-secret',
    what: "Add account keeps no linked account's secret once it is added",
    edits: [
      {
        file: 'src/components/boa-linked-accounts/boa-linked-accounts.ts',
        from: 'const account = this.pending!;\n      this.pending = undefined;',
        to: 'const account = this.pending!;',
      },
    ],
    guard: {kind: 'wtr', file: 'src/components/boa-linked-accounts/boa-linked-accounts.test.ts'},
  },
  {
    id: 'malformed-secret-never-echoed',
    what: 'A malformed secret is described by its length, never echoed',
    edits: [
      {
        file: 'src/aws/checks/key-format.ts',
        from: "fails.push({code: 'SECRET_MALFORMED', status: 'fail', field: 'secretAccessKey', facts: {length: secret.length}});",
        to: "fails.push({code: 'SECRET_MALFORMED', status: 'fail', field: 'secretAccessKey', facts: {length: secret}});",
      },
    ],
    guard: node('src/aws/bad-input.node.test.ts'),
  },
  {
    id: 'secret-gate-on-properties',
    what: 'A secret found in the region, prefix or report name property is neither sent nor echoed',
    edits: [
      {
        file: 'src/aws/checks/location.ts',
        from: 'const holding = properties.find(([, , value]) => holdsSecret(value, input.keys.secretAccessKey));',
        to: 'const holding = properties.find(() => false);',
      },
    ],
    guard: node('src/aws/bad-input.node.test.ts'),
  },
  {
    id: 'sender-allowed-per-type',
    what: 'Each message type is answered only for the kinds of sender it allows',
    edits: [{file: 'src/messaging/server.ts', from: 'if (kind === undefined || !allowedSenders[type].includes(kind)) {', to: 'if (kind === undefined) {'}],
    guard: node('src/messaging/sender.node.test.ts'),
  },
  {
    id: 'verify-port-console-only',
    what: 'A verification port (which carries keys) is accepted only from a console content script',
    edits: [
      {file: 'src/messaging/server.ts', from: "classifySender(port.sender, context) === 'console';", to: 'classifySender(port.sender, context) !== undefined;'},
    ],
    guard: node('src/messaging/sender.node.test.ts'),
  },
  {
    id: 'failed-report-check-blocks-apply',
    what: 'A failed report check blocks Apply, even when a report was found and read',
    edits: [
      {
        file: 'src/components/boa-billing-tab/boa-billing-tab.ts',
        from: 'if (!this.report || this.reportBlocked || this.pricingBlocked) return undefined;',
        to: 'if (!this.report || this.pricingBlocked) return undefined;',
      },
    ],
    guard: {kind: 'wtr', file: 'src/components/boa-billing-tab/boa-billing-tab.test.ts'},
  },
  {
    id: 'stored-values-reverified',
    what: 'After the properties PUT, what the server says it stored is compared with what was asked',
    edits: [
      {
        file: 'src/abiquo/properties.ts',
        from: "return missing.length > 0 ? err('ABIQUO_UNEXPECTED_RESPONSE'",
        to: "return missing.length < 0 ? err('ABIQUO_UNEXPECTED_RESPONSE'",
      },
    ],
    guard: node('src/abiquo/properties.node.test.ts', 're-verifies what the PUT answered'),
  },
  {
    id: 'logger-redacts',
    what: 'Every log line goes through redaction',
    edits: [
      {file: 'src/shared/log.ts', from: "console[level](`[boa:${scope}]`, redact(text.join(' ')));", to: "console[level](`[boa:${scope}]`, text.join(' '));"},
    ],
    guard: node('src/shared/log.node.test.ts'),
  },
  {
    id: 'api-message-redacted',
    what: 'An Abiquo error message quoting a secret is redacted before it reaches the facts shown',
    edits: [
      {
        file: 'src/abiquo/errors.ts',
        from: "typeof entry.message === 'string' ? redact(entry.message).slice(0, MAX_MESSAGE) : ''",
        to: "typeof entry.message === 'string' ? entry.message.slice(0, MAX_MESSAGE) : ''",
      },
    ],
    guard: node('src/abiquo/errors.node.test.ts', 'redacted'),
  },
  {
    id: 'network-reason-redacted',
    what: "A network failure's reason is redacted before it is shown",
    edits: [{file: 'src/abiquo/errors.ts', from: '{reason: redact(error.message).slice(0, MAX_MESSAGE)}', to: '{reason: error.message.slice(0, MAX_MESSAGE)}'}],
    guard: node('src/abiquo/errors.node.test.ts', 'network failure'),
  },
  {
    id: 'manifest-permissions-pinned',
    what: 'The manifest asks for exactly the permissions the product needs (no new one slips in)',
    edits: [{file: 'manifest/base.json', from: '"webRequest",', to: '"webRequest",\n    "tabs",'}],
    guard: {kind: 'release', file: 'test/manifest.node.test.ts', pattern: 'permissions are exactly'},
  },
  {
    id: 'no-eval-in-the-preview',
    what: "No eval ships: uDSV's typed-row compiler (`new Function`) is cut from the preview frame's bundle",
    edits: [
      {
        file: 'vite.config.ts',
        from: "    onlyFor(udsvWithoutEval, (entry) => entry.name === 'preview-frame'),\n",
        to: '',
      },
    ],
    guard: {kind: 'release', file: 'test/manifest.node.test.ts', pattern: 'web-ext lint'},
  },
  {
    id: 'secret-in-no-extension-storage',
    what: "The worker keeps no pasted secret in the extension's storage (read back from the browser after a full flow)",
    edits: [
      {
        file: 'src/background/verify-port-handler.ts',
        from: '    current = controller;\n',
        to: '    current = controller;\n    void globalThis.chrome?.storage.session.set({lastInput: message.input});\n',
      },
    ],
    guard: e2e('test/e2e/billing-tab-happy-path.node.test.ts'),
  },
  {
    id: 'preview-frame-messages-guarded',
    what: 'The tab acts on no message of the billing preview frame but "Add account" for a 12-digit AWS account',
    edits: [{file: 'src/messaging/preview-frame.ts', from: 'const ACCOUNT_ID = /^\\d{12}$/;', to: 'const ACCOUNT_ID = /./;'}],
    guard: node('src/messaging/frames.node.test.ts'),
  },
  {
    id: 'preview-read-reason-redacted',
    what: "A failed report read's reason is redacted before the preview shows it",
    edits: [{file: 'src/preview/read-report.ts', from: 'error: redact(reason.slice(0, 120))', to: 'error: reason.slice(0, 120)'}],
    guard: node('src/preview/read-report.node.test.ts', 'redacts'),
  },
  {
    id: 'only-console-reads-the-page',
    what: 'Lint refuses a query of the console page outside src/console/',
    edits: [
      {
        file: 'eslint.config.js',
        from: "'CallExpression[callee.property.name=/^(querySelector(All)?|",
        to: "'CallExpression[callee.property.name=/^(querySelectorNone|",
      },
    ],
    guard: node('test/layers.node.test.ts'),
  },
  {
    id: 'layer-aws-imports-shared-only',
    what: 'Lint refuses an import that climbs from the AWS engine back up to messaging, Abiquo or the UI',
    edits: [
      {
        file: 'eslint.config.js',
        from: "    folder: 'aws',\n    may: ['shared'],",
        to: "    folder: 'aws',\n    may: ['shared', 'messaging', 'abiquo', 'components', 'console', 'content', 'background'],",
      },
    ],
    guard: node('test/layers.node.test.ts'),
  },
  {
    id: 'frame-theme-values-guarded',
    what: 'The key-entry frame takes no theme value that could inject CSS (the page can influence what is read)',
    edits: [
      {
        file: 'src/messaging/frame-pairing.ts',
        from: "if (typeof value !== 'string' || !SAFE_THEME_CHARACTERS.test(value)) return false;",
        to: "if (typeof value !== 'string') return false;",
      },
    ],
    guard: node('src/messaging/frames.node.test.ts', 'inject'),
  },
  {
    id: 'translation-keeps-dollars',
    what: 'A substituted value keeps every `$` (an enterprise name is shown as it is)',
    edits: [
      {
        file: 'src/shared/translate.ts',
        from: "      name === undefined ? '$' : (lowered.get(name.toLowerCase()) ?? whole),\n    );",
        to: "      name === undefined ? '$' : (lowered.get(name.toLowerCase()) ?? whole),\n    ).replace(/\\$\\$/g, '$');",
      },
    ],
    guard: {kind: 'wtr', file: 'src/shared/i18n.test.ts'},
  },
  {
    id: 'pending-console-enabled-by-worker',
    what: 'A console granted after its popup closed is still enabled (Firefox)',
    edits: [
      {file: 'src/background/console-origins.ts', from: "if (typeof pending !== 'string') return;", to: "if (typeof pending !== 'string' || pending) return;"},
    ],
    guard: e2e('test/e2e/toolbar-popup.node.test.ts', undefined, 'firefox'),
  },
];

const root = path.resolve(import.meta.dirname, '..');

/** The working tree's tracked files (with their uncommitted changes), node_modules and browsers linked. */
function scratchCopy(): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'boa-protections-'));
  const files = execFileSync('git', ['ls-files', '-z'], {cwd: root, encoding: 'utf8'}).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(scratch, file)), {recursive: true});
    cpSync(path.join(root, file), path.join(scratch, file));
  }
  for (const linked of ['node_modules', '.cache']) symlinkSync(path.join(root, linked), path.join(scratch, linked));
  return scratch;
}

/** Whether the guard's test fails in the scratch copy as it stands. */
function guardFails(scratch: string, protection: Protection): boolean {
  const env = {...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', BOA_BROWSERS: protection.guard.browsers ?? 'chromium'};
  const run = (command: string, args: string[]) => spawnSync(command, args, {cwd: scratch, env, encoding: 'utf8', timeout: 300_000});
  const {kind, file, pattern} = protection.guard;
  if (kind === 'e2e' && run('npx', ['tsx', 'scripts/build.ts', '--sandbox']).status !== 0)
    throw new Error(`${protection.id}: the weakened copy does not build`);
  if (kind === 'release' && run('npx', ['tsx', 'scripts/build.ts']).status !== 0) throw new Error(`${protection.id}: the weakened copy does not build`);
  const result =
    kind === 'wtr'
      ? run('npx', ['wtr', '--files', file])
      : run('node', ['--import', 'tsx', '--test', ...(pattern ? [`--test-name-pattern=${pattern}`] : []), file]);
  return result.status !== 0;
}

function main(): void {
  const filter = process.argv[2];
  const selected = protections.filter((p) => !filter || p.id.includes(filter));
  if (selected.some((p) => p.guard.kind !== 'node')) ensureBrowsers(['chromium', 'firefox', 'xvfb', 'xdotool']);
  const scratch = scratchCopy();
  // Every weakening still applies to the code as it stands: said at once, not after the guards before it ran.
  for (const protection of selected) {
    for (const edit of protection.edits) {
      if (readFileSync(path.join(scratch, edit.file), 'utf8').split(edit.from).length !== 2)
        throw new Error(`${protection.id}: "${edit.from}" is not found exactly once in ${edit.file}; update the weakening`);
    }
  }
  const unguarded: string[] = [];
  // Each guard must pass as the code stands, or its failure below would prove nothing.
  const baselines = new Map<string, boolean>();
  try {
    for (const protection of selected) {
      const guardKey = JSON.stringify(protection.guard);
      if (!baselines.has(guardKey)) baselines.set(guardKey, !guardFails(scratch, protection));
      if (!baselines.get(guardKey)) throw new Error(`${protection.id}: its guard ${protection.guard.file} fails without any weakening`);
      const originals = new Map<string, string>();
      for (const edit of protection.edits) {
        const target = path.join(scratch, edit.file);
        if (!originals.has(target)) originals.set(target, readFileSync(target, 'utf8'));
        const current = readFileSync(target, 'utf8');
        if (current.split(edit.from).length !== 2)
          throw new Error(`${protection.id}: "${edit.from}" is not found exactly once in ${edit.file}; update the weakening`);
        writeFileSync(target, current.replace(edit.from, edit.to));
      }
      const started = Date.now();
      const guarded = guardFails(scratch, protection);
      for (const [target, text] of originals) writeFileSync(target, text);
      if (!guarded) unguarded.push(protection.id);
      console.log(
        `${guarded ? 'guarded    ' : 'NOT GUARDED'} ${protection.id.padEnd(34)} ${protection.guard.file}${protection.guard.pattern ? ` "${protection.guard.pattern}"` : ''} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
  console.log(
    `${selected.length - unguarded.length} of ${selected.length} protections guarded${unguarded.length ? `; not guarded: ${unguarded.join(', ')}` : ''}`,
  );
  if (unguarded.length > 0) process.exitCode = 1;
}

if (process.argv[1] === import.meta.filename) main();
