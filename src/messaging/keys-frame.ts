/** The messages between the content script and the key-entry frame, over their MessagePort. */
import type {AwsKeys} from '../aws/types.ts';
import type {KeyEntryState} from '../components/services.ts';

/** To the frame: what to show, and the form's actions. */
export type KeysFrameIn = {readonly type: 'state'; readonly state: KeyEntryState} | {readonly type: 'clear'} | {readonly type: 'focus'};

/** From the frame: the keys entered (undefined once emptied), and its content's height. */
export type KeysFrameOut = {readonly type: 'keys'; readonly keys: AwsKeys | undefined} | {readonly type: 'height'; readonly height: number};

/** The handshake the content script posts to the frame with the port. */
export interface KeysFramePairing {
  readonly boa: 'keys-pair';
  readonly token: string;
  readonly language: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isKeys = (value: unknown): value is AwsKeys =>
  isObject(value) && typeof value.accessKeyId === 'string' && typeof value.secretAccessKey === 'string' && Object.keys(value).length === 2;

export function isKeysFrameOut(value: unknown): value is KeysFrameOut {
  if (!isObject(value)) return false;
  if (value.type === 'keys') return value.keys === undefined || isKeys(value.keys);
  return value.type === 'height' && typeof value.height === 'number' && Number.isFinite(value.height);
}

export function isKeysFrameIn(value: unknown): value is KeysFrameIn {
  if (!isObject(value)) return false;
  if (value.type === 'clear' || value.type === 'focus') return true;
  if (value.type !== 'state' || !isObject(value.state)) return false;
  const {heading, errors, expectedUserName} = value.state;
  return typeof heading === 'string' && isObject(errors) && (expectedUserName === undefined || typeof expectedUserName === 'string');
}

export function isKeysFramePairing(value: unknown): value is KeysFramePairing {
  return isObject(value) && value.boa === 'keys-pair' && typeof value.token === 'string' && typeof value.language === 'string';
}
