/** Local checks of a key pair: nothing is sent to AWS for keys that fail here. */
import {maskKeyId} from '../../shared/mask.ts';
import type {AwsKeys, Check} from '../types.ts';

const KEY_ID = /^(AKIA|ASIA)[A-Z2-7]{16}$/;
// AWS documents 16–128 word characters; real IDs are 20 (aws-cur.md §3.1): anything else in that range is a typo.
const SECRET = /^[A-Za-z0-9/+]{40}$/;
const SECRET_LIKE = /^[A-Za-z0-9/+=]{30,}$/;

export function checkKeyFormat(keys: AwsKeys): Check[] {
  const {accessKeyId: id, secretAccessKey: secret} = keys;
  const fails: Check[] = [];
  if (!id) fails.push({code: 'KEY_ID_MISSING', status: 'fail', field: 'accessKeyId', facts: {}});
  if (!secret) fails.push({code: 'SECRET_MISSING', status: 'fail', field: 'secretAccessKey', facts: {}});
  if (fails.length > 0) return fails;
  if (KEY_ID.test(secret) || (SECRET_LIKE.test(id) && !/^(AKIA|ASIA)/.test(id))) {
    return [{code: 'KEYS_SWAPPED', status: 'fail', field: 'accessKeyId', facts: {}}];
  }
  // Never echo what was typed: it may be a secret pasted into the wrong field.
  if (!KEY_ID.test(id)) fails.push({code: 'KEY_ID_MALFORMED', status: 'fail', field: 'accessKeyId', facts: {length: id.length}});
  if (!SECRET.test(secret)) fails.push({code: 'SECRET_MALFORMED', status: 'fail', field: 'secretAccessKey', facts: {length: secret.length}});
  if (fails.length > 0) return fails;
  const facts = {accessKeyId: maskKeyId(id)};
  if (id.startsWith('ASIA')) return [{code: 'KEY_ID_TEMPORARY', status: 'warn', field: 'accessKeyId', facts}];
  return [{code: 'KEY_FORMAT_OK', status: 'pass', field: 'accessKeyId', facts}];
}
