/**
 * Pastes get the right message (issue 11, point 5): a key ID in lower case or with a look-alike letter, a secret
 * whose `+` became a space, and CSVs with several users' rows.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {catalogues, supportedLanguages, translator, type MessageKey} from '../shared/i18n.ts';
import {checkKeyFormat, describeCharacter} from './checks/key-format.ts';
import {parseAccessKeysCsv, parseKeysPaste, pickKeysRow} from './parse-keys.ts';
import type {Check} from './types.ts';

// AWS's documented example keys, and two more obviously fake ones.
const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SECRET_PLUS = 'wJalrXUtnFEMI+K7MDENG/bPxRfiCY+EXAMPLEKY';
const OTHER = {accessKeyId: 'AKIAOTHERUSEREXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'};
const THIRD = {accessKeyId: 'AKIATHIRDKEYZEXAMPLE', secretAccessKey: 'Zp9Utkh3yCo8nvbje7MtGbClwBF/2EXAMPLEKEYS'};

const check = (accessKeyId: string, secretAccessKey: string) => checkKeyFormat({accessKeyId, secretAccessKey});
const only = (checks: Check[]) => {
  assert.equal(checks.length, 1, `one check expected, got ${checks.map((c) => c.code).join(', ')}`);
  return checks[0]!;
};
const messages = (c: Check) => supportedLanguages.map((language) => translator(catalogues[language])(`check_${c.code}` as MessageKey, c.facts));

describe('a malformed access key ID is named by its fault', () => {
  it('lower case: says so, not that it has the wrong length', () => {
    for (const id of ['akiaiosfodnn7example', 'AKIAiosfodnn7example', 'akiaIOSFODNN7EXAMPLE']) {
      assert.deepEqual(only(check(id, SECRET)), {code: 'KEY_ID_LOWERCASE', status: 'fail', field: 'accessKeyId', facts: {}}, id);
    }
    const [en] = messages(only(check('akiaiosfodnn7example', SECRET)));
    assert.match(en!, /lower-case/);
    assert.match(en!, /capitals/);
  });

  it('a look-alike letter of another script: the exact character, its code point and name, and its position', () => {
    assert.deepEqual(only(check('\u0410KIAIOSFODNN7EXAMPLE', SECRET)).facts, {character: '\u0410 (U+0410 CYRILLIC CAPITAL LETTER A)', position: 1});
    assert.deepEqual(only(check('AKIAIOSFODNN7EX\u0391MPLE', SECRET)).facts, {character: '\u0391 (U+0391 GREEK CAPITAL LETTER ALPHA)', position: 16});
    assert.deepEqual(only(check('AKIAIOSF\u041EDNN7EXAMPLE', SECRET)).facts, {character: '\u041E (U+041E CYRILLIC CAPITAL LETTER O)', position: 9});
    assert.deepEqual(only(check('AKIAIOSFODNN\uff17EXAMPLE', SECRET)).facts, {character: '\uff17 (U+FF17 FULLWIDTH DIGIT SEVEN)', position: 13});
    // In lower case too, the foreign letter is the fault to name.
    assert.deepEqual(only(check('akiai\u043Esfodnn7example', SECRET)).facts, {character: '\u043E (U+043E CYRILLIC SMALL LETTER O)', position: 6});
    assert.equal(only(check('\u0410KIAIOSFODNN7EXAMPLE', SECRET)).code, 'KEY_ID_LOOKALIKE');
    for (const text of messages(only(check('\u0410KIAIOSFODNN7EXAMPLE', SECRET)))) {
      assert.ok(text.includes('\u0410 (U+0410 CYRILLIC CAPITAL LETTER A)') && text.includes(' 1 '), text);
    }
  });

  it('describes any other character by its code point', () => {
    assert.equal(describeCharacter('\u0436'), '\u0436 (U+0436 CYRILLIC SMALL LETTER ZHE)');
    assert.equal(describeCharacter('\u05d0'), '\u05d0 (U+05D0)');
    assert.equal(describeCharacter('\u0456'), '\u0456 (U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I)');
  });

  it('20 characters with one that cannot be there: its position, never "20 characters" against 20', () => {
    assert.deepEqual(only(check('AKIA IOSFODNN7EXAMPL', SECRET)), {code: 'KEY_ID_CHARACTER', status: 'fail', field: 'accessKeyId', facts: {position: 5}});
    assert.deepEqual(only(check('AKIAIOSF0DNN7EXAMPLE', SECRET)).facts, {position: 9});
    assert.deepEqual(only(check('AKIAIOSFODNN7EXAMPL!', SECRET)).facts, {position: 20});
    assert.equal(only(check('AIDAIOSFODNN7EXAMPLE', SECRET)).code, 'KEY_ID_PREFIX');
  });

  it('keeps KEY_ID_MALFORMED for a wrong length, with that length', () => {
    assert.deepEqual(only(check('AKIAIOSFODNN7EXAMPL', SECRET)).facts, {length: 19});
    assert.deepEqual(only(check('AKIAIOSFODNN7EXAMPLEX', SECRET)).facts, {length: 21});
    assert.equal(only(check('AKIAIOSFODNN7EXAMPL', SECRET)).code, 'KEY_ID_MALFORMED');
  });

  it('no message about a 20-character ID says the length is wrong', () => {
    for (const id of ['akiaiosfodnn7example', '\u0410KIAIOSFODNN7EXAMPLE', 'AKIA IOSFODNN7EXAMPL', 'AKIAIOSF0DNN7EXAMPLE', 'AIDAIOSFODNN7EXAMPLE']) {
      const c = only(check(id, SECRET));
      assert.notEqual(c.code, 'KEY_ID_MALFORMED', id);
      for (const text of messages(c)) assert.doesNotMatch(text, /20 (characters|caracteres)\b.*\b20\b/, text);
    }
  });
});

describe('a malformed secret is named by its fault, never echoed', () => {
  it('a space where + belongs (a URL-decoded paste): SECRET_SPACE at the first space', () => {
    const decoded = SECRET_PLUS.replaceAll('+', ' ');
    assert.deepEqual(only(check(ID, decoded)), {code: 'SECRET_SPACE', status: 'fail', field: 'secretAccessKey', facts: {position: 14}});
    assert.deepEqual(only(check(ID, SECRET.replace('/', ' '))).facts, {position: 14});
    const [en, es] = messages(only(check(ID, decoded)));
    assert.match(en!, /character 14 is a space where a \+ belongs/);
    assert.match(es!, /carácter 14 es un espacio donde va un \+/);
  });

  it('40 characters with one a secret cannot have: its position, never "not 40"', () => {
    for (const [secret, position] of [
      [`${SECRET.slice(0, 39)}!`, 40],
      [`${SECRET.slice(0, 9)}\u0435${SECRET.slice(10)}`, 10],
      [`${SECRET.slice(0, 39)}=`, 40],
    ] as const) {
      const c = only(check(ID, secret));
      assert.deepEqual(c, {code: 'SECRET_CHARACTER', status: 'fail', field: 'secretAccessKey', facts: {position}});
      for (const text of messages(c)) {
        assert.doesNotMatch(text, /not 40|no 40/, text);
        assert.ok(!text.includes(secret.slice(0, 8)) && !text.includes(secret.slice(-8)), `echoes the secret: ${text}`);
      }
    }
  });

  it('keeps SECRET_MALFORMED for a wrong length, also with spaces that + would not mend', () => {
    assert.deepEqual(only(check(ID, SECRET.slice(1))), {code: 'SECRET_MALFORMED', status: 'fail', field: 'secretAccessKey', facts: {length: 39}});
    assert.deepEqual(only(check(ID, `${SECRET} extra`)).facts, {length: 46});
  });

  it('describes every secret fault by numbers only', () => {
    for (const secret of [SECRET.slice(1), `${SECRET}A`, SECRET.replace('/', ' '), `${SECRET.slice(0, 39)}!`, `${SECRET.slice(0, 39)}\u00e9`]) {
      for (const c of check(ID, secret)) for (const value of Object.values(c.facts)) assert.equal(typeof value, 'number', `${c.code} ${String(value)}`);
    }
  });
});

describe('a CSV with several users picks the expected one, else asks', () => {
  // The older IAM download, credentials.csv: a row per user, with a password column.
  const credentialsCsv = (rows: readonly (readonly [string, {accessKeyId: string; secretAccessKey: string}])[]) =>
    `User name,Password,Access key ID,Secret access key,Console login link\r\n${rows
      .map(([user, keys]) => `${user},,${keys.accessKeyId},${keys.secretAccessKey},https://123456789012.signin.aws.amazon.com/console`)
      .join('\r\n')}\r\n`;
  const MINE = {accessKeyId: ID, secretAccessKey: SECRET};

  it('takes the row of the expected IAM user, even when it is not the first', () => {
    const csv = credentialsCsv([
      ['abiquo-billing-user', OTHER],
      ['abiquo-billing-user-public', MINE],
    ]);
    assert.deepEqual(parseKeysPaste(csv, 'abiquo-billing-user-public'), {ok: true, value: {keys: {...MINE, userName: 'abiquo-billing-user-public'}}});
    assert.deepEqual(parseKeysPaste(csv, 'abiquo-billing-user'), {ok: true, value: {keys: {...OTHER, userName: 'abiquo-billing-user'}}});
    assert.deepEqual(
      parseKeysPaste(csv, 'ABIQUO-BILLING-USER'),
      {ok: true, value: {keys: {...OTHER, userName: 'abiquo-billing-user'}}},
      'IAM user names ignore case',
    );
  });

  it('asks which when no row is the expected user, or no user is expected', () => {
    const csv = credentialsCsv([
      ['alice', OTHER],
      ['bob', MINE],
    ]);
    const rows = [
      {...OTHER, userName: 'alice'},
      {...MINE, userName: 'bob'},
    ];
    assert.deepEqual(parseKeysPaste(csv, 'abiquo-billing-user'), {ok: true, value: {choices: rows}});
    assert.deepEqual(parseKeysPaste(csv), {ok: true, value: {choices: rows}});
  });

  it('asks which between two keys of the expected user', () => {
    const csv = credentialsCsv([
      ['alice', THIRD],
      ['abiquo-billing-user', OTHER],
      ['abiquo-billing-user', MINE],
    ]);
    assert.deepEqual(parseKeysPaste(csv, 'abiquo-billing-user'), {
      ok: true,
      value: {
        choices: [
          {...OTHER, userName: 'abiquo-billing-user'},
          {...MINE, userName: 'abiquo-billing-user'},
        ],
      },
    });
  });

  it('asks which for several accessKeys.csv pasted together (no user column)', () => {
    const csv = `Access key ID,Secret access key\r\n${ID},${SECRET}\r\n\ufeffAccess key ID,Secret access key\r\n${OTHER.accessKeyId},${OTHER.secretAccessKey}\r\n`;
    assert.deepEqual(parseKeysPaste(csv, 'abiquo-billing-user'), {ok: true, value: {choices: [MINE, OTHER]}});
    // Each file is read with its own header.
    const mixed = credentialsCsv([['alice', THIRD]]) + csv;
    assert.deepEqual(parseKeysPaste(mixed, 'abiquo-billing-user'), {ok: true, value: {choices: [{...THIRD, userName: 'alice'}, MINE, OTHER]}});
  });

  it('takes a single row whoever it belongs to (STS says whose it is), and a row pasted twice once', () => {
    assert.deepEqual(parseKeysPaste(credentialsCsv([['alice', MINE]]), 'abiquo-billing-user'), {ok: true, value: {keys: {...MINE, userName: 'alice'}}});
    assert.deepEqual(
      parseKeysPaste(
        credentialsCsv([
          ['alice', MINE],
          ['alice', MINE],
        ]),
        'bob',
      ),
      {ok: true, value: {keys: {...MINE, userName: 'alice'}}},
    );
  });

  it('reads the columns after a password that holds the separator', () => {
    const csv = `User name,Password,Access key ID,Secret access key,Console login link\nalice,pa,ss;wo,rd,${ID},${SECRET},https://123456789012.signin.aws.amazon.com/console\n`;
    assert.deepEqual(parseAccessKeysCsv(csv), {ok: true, value: [{...MINE, userName: 'alice'}]});
  });

  it('never takes a cell that is not an IAM user name as one', () => {
    const csv = `User name,Access key ID,Secret access key\nnot a user!,${ID},${SECRET}\n${SECRET},${OTHER.accessKeyId},${OTHER.secretAccessKey}\n`;
    assert.deepEqual(parseAccessKeysCsv(csv), {ok: true, value: [MINE, OTHER]});
  });

  it('picks among rows the same way whatever parsed them', () => {
    assert.deepEqual(pickKeysRow([MINE]), {keys: MINE});
    assert.deepEqual(pickKeysRow([MINE, OTHER], 'abiquo-billing-user'), {choices: [MINE, OTHER]});
  });
});
