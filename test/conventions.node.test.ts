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
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\/|(?<!:)\/\/.*/g, '');
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

  it('only src/console/ reads the console page DOM', () => {
    const outside = files('src', source).filter(
      (f) =>
        !f.startsWith('src/console/') &&
        !f.startsWith('src/components/') &&
        !f.startsWith('src/options/') &&
        !f.startsWith('src/popup/') &&
        !f.startsWith('src/keys-frame/'),
    );
    for (const file of outside) assert.doesNotMatch(code(file), /\bdocument\.(querySelector|body|getElementById|getElementsBy)/, file);
  });

  it('nothing writes a secret to persistent storage', () => {
    for (const file of files('src', source)) {
      const text = read(file);
      assert.doesNotMatch(text, /localStorage|indexedDB|storage\.sync/, file);
      for (const line of text.split('\n').filter((l) => /storage\.(local|session)\.set/.test(l))) assert.doesNotMatch(line, /secret|key/i, `${file}: ${line}`);
    }
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
