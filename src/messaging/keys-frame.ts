/** The messages between the content script and the key-entry frame, over their MessagePort. */
import type {AwsKeys} from '../aws/types.ts';
import type {KeyEntryState} from '../components/services.ts';
import {isObject} from './frame-pairing.ts';

/** To the frame: what to show, and the form's actions. */
export type KeysFrameIn = {readonly type: 'state'; readonly state: KeyEntryState} | {readonly type: 'clear'} | {readonly type: 'focus'};

/** From the frame: the keys entered (undefined once emptied), and its content's height. */
export type KeysFrameOut =
  {readonly type: 'ready'} | {readonly type: 'keys'; readonly keys: AwsKeys | undefined} | {readonly type: 'height'; readonly height: number};

const isKeys = (value: unknown): value is AwsKeys =>
  isObject(value) && typeof value.accessKeyId === 'string' && typeof value.secretAccessKey === 'string' && Object.keys(value).length === 2;

export function isKeysFrameOut(value: unknown): value is KeysFrameOut {
  if (!isObject(value)) return false;
  if (value.type === 'ready') return Object.keys(value).length === 1;
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
