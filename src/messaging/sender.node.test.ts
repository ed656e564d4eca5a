import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {claimFrame, pairFrame} from '../background/frame-pairing.ts';
import {acceptsVerifyPort, dispatch, type Handlers} from './server.ts';
import {classifySender, type SenderContext} from './sender.ts';

const context: SenderContext = {extensionId: 'ours', extensionBaseUrl: 'chrome-extension://ours/', enabledOrigins: ['https://abiquo.example.com']};
const tab = {id: 7} as chrome.tabs.Tab;
const console_ = {id: 'ours', url: 'https://abiquo.example.com/ui/#/enterprises', tab, frameId: 0};
const keysFrame = {id: 'ours', url: 'chrome-extension://ours/keys-frame.html', tab, frameId: 3};

describe('who may talk to the worker', () => {
  it('tells a console content script, an extension page and the key-entry frame apart, and nothing else', () => {
    assert.equal(classifySender(console_, context), 'console');
    assert.equal(classifySender({id: 'ours', url: 'chrome-extension://ours/options.html'}, context), 'extension-page');
    assert.equal(classifySender(keysFrame, context), 'frame');
    assert.equal(classifySender({...console_, id: 'another-extension'}, context), undefined, 'another extension');
    assert.equal(classifySender({...console_, url: 'https://abiquo.example.org/ui/'}, context), undefined, 'a console not enabled');
    assert.equal(classifySender({...console_, frameId: 2}, context), undefined, 'a frame of the console, not its top frame');
    assert.equal(classifySender({...keysFrame, url: 'chrome-extension://ours/options.html'}, context), undefined, 'another of our pages framed in a tab');
  });

  it('refuses each request from a kind of sender its type does not allow', async () => {
    const handlers = {'frame/claim': async () => ({paired: true}), 'origins/enable': async () => ({ok: true, value: {origins: []}})} as unknown as Handlers;
    const claim = {boa: 1, type: 'frame/claim', payload: {token: 't'}};
    assert.deepEqual(await dispatch(claim, console_, handlers, context), {ok: false, code: 'SENDER_REJECTED'});
    assert.deepEqual(await dispatch(claim, keysFrame, handlers, context), {ok: true, value: {paired: true}});
    const enable = {boa: 1, type: 'origins/enable', payload: {origin: 'https://evil.example'}};
    assert.deepEqual(await dispatch(enable, console_, handlers, context), {ok: false, code: 'SENDER_REJECTED'});
    assert.deepEqual(await dispatch(enable, keysFrame, handlers, context), {ok: false, code: 'SENDER_REJECTED'});
  });

  it('accepts a verification port only from a console content script', () => {
    const port = (sender: chrome.runtime.MessageSender, name = 'aws/verify') => ({name, sender}) as chrome.runtime.Port;
    assert.equal(acceptsVerifyPort(port(console_), context), true);
    assert.equal(acceptsVerifyPort(port(console_, 'other'), context), false);
    assert.equal(acceptsVerifyPort(port(keysFrame), context), false);
    assert.equal(acceptsVerifyPort(port({id: 'ours', url: 'chrome-extension://ours/options.html'}), context), false);
  });
});

describe('pairing the key-entry frame with its tab', () => {
  it('a token is claimed once, and only from the tab it was given to', () => {
    const {token} = pairFrame(7);
    assert.deepEqual(claimFrame(token, 8), {paired: false}, 'a frame in another tab');
    const again = pairFrame(7);
    assert.deepEqual(claimFrame(again.token, 7), {paired: true});
    assert.deepEqual(claimFrame(again.token, 7), {paired: false}, 'used up');
    assert.deepEqual(claimFrame('made-up', 7), {paired: false});
  });
});
