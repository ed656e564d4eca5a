/**
 * The bad-input table (issue 10): what an operator can type or paste wrong, field by field, each answered by its
 * code (not just "failed"), with a message in every locale that names the field, leaves no placeholder and never
 * echoes a secret; where the input is malformed, nothing reaches AWS (counted on local stand-ins for STS and S3).
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {enterpriseNameProblem} from '../components/boa-linked-accounts/enterprise-name.ts';
import {catalogues, supportedLanguages, translator, type MessageKey, type Substitutions} from '../shared/i18n.ts';
import {parseConsoleOrigin} from '../shared/console-origin.ts';
import {parseKeysPaste} from './parse-keys.ts';
import type {SetupInput} from './types.ts';
import {verifySetup} from './verify-setup.ts';

const KEYS = {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'};
const SECRET = KEYS.secretAccessKey;
const base: SetupInput = {keys: KEYS, expectedUserName: 'abiquo-billing-user', bucket: 'acme-billing-reports'};

/** GetCallerIdentity as the STS API reference shows it. */
const IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
<Arn>arn:aws:iam::123456789012:user/abiquo-billing-user</Arn><UserId>AIDASAMPLEUSERID</UserId><Account>123456789012</Account>
</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

interface Counter {
  server: Server;
  url: string;
  requests: number;
}
async function counter(answer: (res: import('node:http').ServerResponse) => void): Promise<Counter> {
  const state = {requests: 0} as Counter;
  state.server = createServer((req, res) => {
    state.requests += 1;
    req.resume();
    answer(res);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

type Field = 'accessKeyId' | 'secretAccessKey' | 'bucket' | 'region' | 'prefix' | 'reportName';
/** How each field is named at the start of its messages (English). */
const FIELD_NAMES: Record<Field | 'paste' | 'name' | 'console', RegExp> = {
  accessKeyId: /Access key ID/,
  secretAccessKey: /[Ss]ecret access key/,
  bucket: /^Bucket/,
  region: /amazon_bucket_region/,
  prefix: /amazon_bucket_prefix/,
  reportName: /amazon_report_name/,
  paste: /accessKeys\.csv/,
  name: /[Ee]nterprise name|[Nn]ame/,
  console: /address|access to/,
};

/** Malformed engine input: the code, and whether the keys were fine (STS may then be asked who they are). */
const ENGINE: readonly [Field, Partial<SetupInput> & {keys?: SetupInput['keys']}, string][] = [
  ['accessKeyId', {keys: {...KEYS, accessKeyId: ''}}, 'KEY_ID_MISSING'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'akiaiosfodnn7example'}}, 'KEY_ID_LOWERCASE'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIAiosfodnn7example'}}, 'KEY_ID_LOWERCASE'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIAIOSFODNN7EXAMPL'}}, 'KEY_ID_MALFORMED'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIAIOSFODNN7EXAMPLEX'}}, 'KEY_ID_MALFORMED'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIA IOSFODNN7EXAMPL'}}, 'KEY_ID_CHARACTER'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIAIOSF0DNN7EXAMPLE'}}, 'KEY_ID_CHARACTER'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AIDAIOSFODNN7EXAMPLE'}}, 'KEY_ID_PREFIX'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: '\u0410KIAIOSFODNN7EXAMPLE'}}, 'KEY_ID_LOOKALIKE'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIAIOSFODNN7EX\u0391MPLE'}}, 'KEY_ID_LOOKALIKE'],
  ['accessKeyId', {keys: {...KEYS, accessKeyId: 'AKIAIOSFODNN\uff17EXAMPLE'}}, 'KEY_ID_LOOKALIKE'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: ''}}, 'SECRET_MISSING'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: SECRET.slice(1)}}, 'SECRET_MALFORMED'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: `${SECRET}A`}}, 'SECRET_MALFORMED'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: SECRET.replace('/', ' ')}}, 'SECRET_SPACE'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: SECRET.replaceAll('/', ' ')}}, 'SECRET_SPACE'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: `${SECRET.slice(0, 39)}!`}}, 'SECRET_CHARACTER'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: `${SECRET.slice(0, 20)}\u0435${SECRET.slice(21)}`}}, 'SECRET_CHARACTER'],
  ['secretAccessKey', {keys: {...KEYS, secretAccessKey: `${SECRET.slice(0, 20)} ${SECRET.slice(20)}`}}, 'SECRET_MALFORMED'],
  ['accessKeyId', {keys: {accessKeyId: SECRET, secretAccessKey: KEYS.accessKeyId}}, 'KEYS_SWAPPED'],
  ['bucket', {bucket: '.acme-billing'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'acme billing'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'ab'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'a'.repeat(64)}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: '192.168.5.4'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'acme-billing-'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'acme..billing'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'https://'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 's3://'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'arn:aws:iam::123456789012:user/abiquo-billing-user'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: 'https://example.com/acme-billing-reports'}, 'BUCKET_MALFORMED'],
  ['bucket', {bucket: SECRET}, 'LOCATION_HOLDS_SECRET'],
  ['bucket', {bucket: `s3://acme-billing-reports/${SECRET}/`}, 'LOCATION_HOLDS_SECRET'],
  ['region', {region: 'us-east'}, 'REGION_MALFORMED'],
  ['region', {region: 'eu west 1'}, 'REGION_MALFORMED'],
  ['region', {region: SECRET}, 'PROPERTY_HOLDS_SECRET'],
  ['prefix', {prefix: 'cur\u0000daily'}, 'PREFIX_MALFORMED'],
  ['prefix', {prefix: SECRET}, 'PROPERTY_HOLDS_SECRET'],
  ['reportName', {reportName: 'my report'}, 'REPORT_NAME_MALFORMED'],
  ['reportName', {reportName: 'cur/abiquo-hourly'}, 'REPORT_NAME_MALFORMED'],
  ['reportName', {reportName: 'r'.repeat(257)}, 'REPORT_NAME_MALFORMED'],
  ['reportName', {reportName: SECRET}, 'PROPERTY_HOLDS_SECRET'],
];

/** Every message an input leads to, in every locale: there, naming the field, complete, and never the secret. */
function assertMessage(key: string, facts: Substitutions, field: keyof typeof FIELD_NAMES, typed = SECRET): void {
  for (const language of supportedLanguages) {
    assert.ok(key in catalogues[language], `${language}: no message ${key}`);
    const text = translator(catalogues[language])(key as MessageKey, facts);
    assert.doesNotMatch(text, /\$[A-Za-z0-9_]+\$/, `${language} ${key}: a placeholder is left: ${text}`);
    for (const secret of new Set([SECRET, typed])) if (secret.length >= 20) assert.ok(!text.includes(secret), `${language} ${key} echoes the secret`);
    if (language === 'en') assert.match(text, FIELD_NAMES[field], `${key} does not name the field: ${text}`);
  }
}

describe('bad input, field by field', () => {
  let sts: Counter;
  let s3: Counter;
  before(async () => {
    sts = await counter((res) => res.writeHead(200, {'Content-Type': 'text/xml'}).end(IDENTITY));
    s3 = await counter((res) => res.writeHead(500).end());
  });
  after(() => {
    sts.server.close();
    s3.server.close();
  });

  for (const [field, input, code] of ENGINE) {
    const shown = JSON.stringify(input.keys ?? input)
      .replace(SECRET, '<secret>')
      .slice(0, 70);
    it(`${field} ${shown}: ${code}, nothing sent ${field.endsWith('Id') || field.startsWith('secret') ? 'at all' : 'to S3'}`, async () => {
      const [stsBefore, s3Before] = [sts.requests, s3.requests];
      const verdict = await verifySetup({...base, ...input}, {endpoints: {s3: s3.url, sts: sts.url}});
      const check = verdict.checks.find((c) => c.code === code);
      assert.ok(check, `expected ${code}, got ${verdict.checks.map((c) => c.code).join(', ')}`);
      assert.equal(check.status, 'fail');
      assert.equal(check.field, field);
      assert.equal(s3.requests, s3Before, 'no request reached S3');
      if (field === 'accessKeyId' || field === 'secretAccessKey') assert.equal(sts.requests, stsBefore, 'no request reached STS');
      assert.ok(!JSON.stringify(verdict).includes(SECRET), 'the verdict never holds the secret');
      assertMessage(`check_${code}`, check.facts, field, input.keys?.secretAccessKey);
    });
  }

  const PASTES = ['', 'hello world', 'Access key ID,Secret access key\n', `{"AccessKeyId": "${KEYS.accessKeyId}"}`, `${KEYS.accessKeyId}`];
  for (const text of PASTES) {
    it(`the paste area ${JSON.stringify(text)}: no keys found`, () => {
      const pasted = parseKeysPaste(text);
      assert.equal(!pasted.ok && pasted.code, 'KEYS_NOT_FOUND');
      assertMessage('tab_keys_paste_not_found', {}, 'paste');
    });
  }

  const SEVERAL = [
    `User name,Password,Access key ID,Secret access key,Console login link\nalice,,${KEYS.accessKeyId},${SECRET},\nbob,,AKIAOTHERUSEREXAMPLE,${SECRET.split('').reverse().join('')},\n`,
    `Access key ID,Secret access key\n${KEYS.accessKeyId},${SECRET}\nAKIAOTHERUSEREXAMPLE,${SECRET.split('').reverse().join('')}\n`,
  ];
  for (const text of SEVERAL) {
    it(`the paste area, several rows and none of ${base.expectedUserName}: the operator chooses (${text.slice(0, 20)}…)`, () => {
      const pasted = parseKeysPaste(text, base.expectedUserName);
      assert.ok(pasted.ok && 'choices' in pasted.value && pasted.value.choices.length === 2, 'asks which row');
      assertMessage('tab_keys_paste_choose', {userName: base.expectedUserName!}, 'paste');
      assertMessage('tab_keys_paste_choose_any', {}, 'paste');
    });
  }

  const NAMES: readonly [string, string][] = [
    ['', 'tab_linked_name_missing'],
    ['   ', 'tab_linked_name_missing'],
    [SECRET, 'tab_linked_name_secret'],
    [` ${KEYS.accessKeyId} `, 'tab_linked_name_secret'],
  ];
  for (const [name, code] of NAMES) {
    it(`a linked account's enterprise name ${JSON.stringify(name.replace(SECRET, '<secret>'))}: ${code}`, () => {
      assert.equal(enterpriseNameProblem(name), code);
      assertMessage(code, {}, 'name');
    });
  }

  const ORIGINS: readonly [string, string][] = [
    ['abiquo.example.com', 'ORIGIN_INVALID'],
    ['ftp://abiquo.example.com', 'ORIGIN_INVALID'],
    ['javascript:alert(1)', 'ORIGIN_INVALID'],
    ['http://abiquo.example.com/ui/', 'ORIGIN_INSECURE'],
  ];
  for (const [input, code] of ORIGINS) {
    it(`the console address ${JSON.stringify(input)}: ${code}`, () => {
      const parsed = parseConsoleOrigin(input);
      assert.equal(!parsed.ok && parsed.code, code);
      assertMessage(`options_${code}`, !parsed.ok ? (parsed.facts ?? {}) : {}, 'console');
    });
  }

  it('counts at least 40 inputs', () => assert.ok(ENGINE.length + PASTES.length + SEVERAL.length + NAMES.length + ORIGINS.length >= 40));
});
