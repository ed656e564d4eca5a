import {expect, waitUntil} from '@open-wc/testing';
import type {Check, Verdict} from '../aws/types.ts';
import type {VerifyPortResponse} from '../messaging/protocol.ts';
import {verifyThroughWorker} from './verify-through-worker.ts';

/** A port whose other side is scripted by the test: each `connect` is one background lifetime. */
class FakePort {
  private readonly messageListeners: ((message: VerifyPortResponse) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  readonly sent: unknown[] = [];
  readonly name = 'aws/verify';
  onMessage = {addListener: (listener: (message: VerifyPortResponse) => void) => this.messageListeners.push(listener)};
  onDisconnect = {addListener: (listener: () => void) => this.disconnectListeners.push(listener)};
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  disconnect() {}
  answer(message: VerifyPortResponse) {
    this.messageListeners.forEach((listener) => listener(message));
  }
  /** The background went away: Chrome and Firefox close the port from its side. */
  drop() {
    this.disconnectListeners.forEach((listener) => listener());
  }
}

const check = (code: Check['code']): Check => ({code, status: 'pass', facts: {}});
const input = {keys: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'}};

describe('verifyThroughWorker', () => {
  let ports: FakePort[];
  let runtime: {id?: string; connect: () => FakePort; sendMessage: () => Promise<unknown>};
  const saved = globalThis.chrome;

  beforeEach(() => {
    ports = [];
    // The background answers a ping (it woke up) unless the test says it is gone.
    runtime = {
      id: 'boaextensionidfortests',
      connect: () => ports[ports.push(new FakePort()) - 1]!,
      sendMessage: async () => ({ok: true, value: {sandbox: true}}),
    };
    (globalThis as {chrome?: unknown}).chrome = {runtime};
  });
  afterEach(() => {
    (globalThis as {chrome?: unknown}).chrome = saved;
  });

  it('starts again when the background stops mid-check, without showing a check twice', async () => {
    const streamed: string[] = [];
    const verdict = verifyThroughWorker(input, (c) => streamed.push(c.code), new AbortController().signal);
    ports[0]!.answer({type: 'check', check: check('KEY_FORMAT_OK')});
    ports[0]!.drop();
    await waitUntil(() => ports.length === 2, 'a second port is opened once the background answers');
    expect(ports[1]!.sent).to.deep.equal([{type: 'start', input}]);
    ports[1]!.answer({type: 'check', check: check('KEY_FORMAT_OK')});
    ports[1]!.answer({type: 'check', check: check('STS_IDENTITY_OK')});
    const final: Verdict = {checks: [check('KEY_FORMAT_OK'), check('STS_IDENTITY_OK')], reports: [], requests: 2};
    ports[1]!.answer({type: 'verdict', verdict: final});
    expect(await verdict).to.deep.equal(final);
    expect(streamed).to.deep.equal(['KEY_FORMAT_OK', 'STS_IDENTITY_OK']);
  });

  it('says the extension was reloaded when this copy of the content script was orphaned', async () => {
    const verdict = verifyThroughWorker(input, () => undefined, new AbortController().signal);
    delete runtime.id;
    ports[0]!.drop();
    expect((await verdict).checks.map((c) => c.code)).to.deep.equal(['EXTENSION_RELOADED']);
  });

  it('gives up after restarts that keep failing, instead of looping', async () => {
    const verdict = verifyThroughWorker(input, () => undefined, new AbortController().signal);
    for (let i = 0; i < 3; i++) {
      await waitUntil(() => ports.length === i + 1, `port ${i + 1} opened`);
      ports[i]!.drop();
    }
    expect((await verdict).checks.map((c) => c.code)).to.deep.equal(['EXTENSION_RELOADED']);
    expect(ports).to.have.length(3);
  });

  it('says the extension was reloaded when no background answers the wake-up call', async () => {
    runtime.sendMessage = () => Promise.reject(new Error('Extension context invalidated.'));
    const verdict = verifyThroughWorker(input, () => undefined, new AbortController().signal);
    ports[0]!.drop();
    expect((await verdict).checks.map((c) => c.code)).to.deep.equal(['EXTENSION_RELOADED']);
    expect(ports).to.have.length(1);
  });
});
