import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ALL_PRIVILEGES, NEEDS, rolePrivileges} from './privileges.ts';
import {Store} from './store.ts';

test('the privileges carry their API names (2022 privilege list), not the names once guessed', () => {
  for (const name of [
    'MANAGE_PRICING_CREDENTIALS',
    'USERS_MANAGE_CREDENTIALS',
    'ENTERPRISE_MANAGE_PROPERTIES',
    'ENTERPRISE_MANAGE_RESELLER',
    'ENTERPRISE_MANAGE_KEY_NODE',
    'RUN_BILLING',
  ]) {
    assert.ok(ALL_PRIVILEGES.includes(name), name);
  }
  for (const guessed of ['PRICING_MANAGE_CREDENTIALS', 'USERS_MANAGE_RESELLERS', 'USERS_MANAGE_KEYNODES'])
    assert.ok(!ALL_PRIVILEGES.includes(guessed), guessed);
  assert.deepEqual(NEEDS.pricingCredentials, ['MANAGE_PRICING_CREDENTIALS']);
});

test('a role is ALL, a list (plus AUTHENTICATED) or ALL except some', () => {
  assert.deepEqual([...rolePrivileges('ALL')], ALL_PRIVILEGES);
  assert.deepEqual([...rolePrivileges(['USERS_VIEW'])], ['AUTHENTICATED', 'USERS_VIEW']);
  assert.deepEqual(
    [...rolePrivileges({allExcept: ['RUN_BILLING']})],
    ALL_PRIVILEGES.filter((p) => p !== 'RUN_BILLING'),
  );
});

test('a scenario naming a privilege the API does not have fails to load instead of granting nothing', () => {
  const role = (privileges: readonly string[] | {allExcept: readonly string[]}) => () => new Store({roles: {r: {name: 'R', privileges}}});
  assert.throws(role(['ENTERPRISE_ENUMERATE', 'PRICING_MANAGE_CREDENTIALS']), /unknown privileges PRICING_MANAGE_CREDENTIALS/);
  assert.throws(role({allExcept: ['USERS_MANAGE_KEYNODES']}), /unknown privileges USERS_MANAGE_KEYNODES/);
});
