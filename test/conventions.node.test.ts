/** House rules that a reviewer would otherwise have to remember (docs/contributing.md). */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {checkCodes} from '../src/aws/check-codes.ts';
import {abiquoCodes} from '../src/abiquo/codes.ts';
import {messagingCodes} from '../src/messaging/envelope.ts';
import {KEY_IDS_IN_TEXT} from '../src/shared/key-shapes.ts';
import {supportedLanguages} from '../src/shared/translate.ts';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    return statSync(path.join(root, relative)).isDirectory() ? files(relative, keep) : keep(relative) ? [relative] : [];
  });
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
type Catalogue = Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
const catalogue = (language: string) => JSON.parse(read(`locales/${language}/messages.json`)) as Catalogue;
const source = (file: string) => !file.endsWith('.test.ts') && file.endsWith('.ts');

describe('conventions', () => {
  it('the languages the code knows are exactly the folders of locales/', () => {
    assert.deepEqual([...supportedLanguages].sort(), readdirSync(path.join(root, 'locales')).sort());
  });

  it('every locale has exactly the keys of English', () => {
    const english = Object.keys(catalogue('en')).sort();
    for (const language of supportedLanguages) assert.deepEqual(Object.keys(catalogue(language)).sort(), english, language);
  });

  it('every check code, Abiquo code and messaging code has a message in every locale', () => {
    const keys = [...checkCodes.map((c) => `check_${c}`), ...abiquoCodes.map((c) => `abiquo_${c}`), ...messagingCodes.map((c) => `messaging_${c}`)];
    for (const language of supportedLanguages) {
      const messages = catalogue(language);
      assert.deepEqual(
        keys.filter((key) => !messages[key]?.message),
        [],
        language,
      );
    }
  });

  it('every $PLACEHOLDER$ a message uses is declared, as Chrome requires to load the extension', () => {
    for (const language of supportedLanguages) {
      for (const [key, entry] of Object.entries(catalogue(language))) {
        for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
          assert.ok(entry.placeholders?.[name!.toLowerCase()], `${language}/${key} uses $${name}$ without a placeholder`);
        }
      }
    }
  });

  // What the extension's storage holds after a full flow is read back from the browser by the e2e happy path
  // (extensionStorageHolds); this only keeps out the stores it never reads back.
  it('uses no storage but storage.local and storage.session', () => {
    for (const file of files('src', source)) assert.doesNotMatch(read(file), /localStorage|indexedDB|storage\.sync|caches\.open/, file);
  });

  it('no secret-looking literal outside obviously fake test values', () => {
    const everything = [
      ...files('src', (f) => f.endsWith('.ts')),
      ...files('sandbox', (f) => f.endsWith('.ts') || f.endsWith('.json')),
      ...files('test', (f) => f.endsWith('.ts')),
    ];
    for (const file of everything) {
      for (const [id] of read(file).matchAll(KEY_IDS_IN_TEXT)) assert.match(id, /EXAMPLE/, `${file}: ${id}`);
    }
  });
});
