/** Whose usage each account's cost is, and which linked enterprises had none. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {reconcile} from './reconcile.ts';
import type {AccountCost, BillingPreview, LinkedEnterprise, ReconciledLine} from './types.ts';

const PAYER = '111111111111';

const account = (accountId: string, cost: number): AccountCost => ({accountId, cost, usage: cost, credits: 0, refunds: 0, taxes: 0, services: []});

function preview(accounts: AccountCost[], payerAccount?: string): BillingPreview {
  return {
    period: '20250301-20250401',
    basis: 'unblended',
    currency: 'USD',
    mixedCurrencies: false,
    total: accounts.reduce((sum, a) => sum + a.cost, 0),
    usage: accounts.reduce((sum, a) => sum + a.cost, 0),
    credits: 0,
    refunds: 0,
    taxes: 0,
    accounts,
    rows: accounts.length,
    bytes: 100,
    elapsedMs: 1,
    ...(payerAccount ? {payerAccount} : {}),
  };
}

/** `kind account enterprise` per line, to compare at a glance. */
const summary = (lines: ReconciledLine[]) =>
  lines.map((line) =>
    line.kind === 'idle' ? `idle ${line.enterprise.name}` : `${line.kind} ${line.account.accountId}${line.kind === 'billed' ? ` ${line.enterprise.name}` : ''}`,
  );

const acme: LinkedEnterprise = {enterpriseId: 7, name: 'Acme', awsAccountId: '222222222222'};
const globex: LinkedEnterprise = {enterpriseId: 8, name: 'Globex', awsAccountId: '333333333333'};
const initech: LinkedEnterprise = {enterpriseId: 9, name: 'Initech', awsAccountId: '444444444444'};
const unknown: LinkedEnterprise = {enterpriseId: 10, name: 'Hooli'};

describe('reconcile', () => {
  it('says the payer’s own cost is the keynode’s, a linked account’s its enterprise’s, any other unbilled; most costly first', () => {
    const costs = preview([account(PAYER, 12), account('222222222222', 40), account('555555555555', 3), account('333333333333', 25)]);
    assert.deepEqual(summary(reconcile(costs, PAYER, [globex, acme])), [
      'billed 222222222222 Acme',
      'billed 333333333333 Globex',
      `keynode ${PAYER}`,
      'unbilled 555555555555',
    ]);
  });

  it('lists after them, by name, the linked enterprises without cost: an account with no line items, or none known', () => {
    const costs = preview([account('222222222222', 40)]);
    assert.deepEqual(summary(reconcile(costs, PAYER, [initech, unknown, acme])), ['billed 222222222222 Acme', 'idle Hooli', 'idle Initech']);
  });

  it('takes the line items’ payer when the manifest names none', () => {
    const costs = preview([account(PAYER, 12), account('222222222222', 40)], PAYER);
    assert.deepEqual(summary(reconcile(costs, undefined, [acme])), ['billed 222222222222 Acme', `keynode ${PAYER}`]);
    assert.deepEqual(summary(reconcile(preview([account(PAYER, 12)]), undefined, [])), [`unbilled ${PAYER}`]);
  });

  it('keeps an account with line items that net to nothing (not idle), and bills it to its enterprise', () => {
    assert.deepEqual(summary(reconcile(preview([account('222222222222', 0)]), PAYER, [acme])), ['billed 222222222222 Acme']);
  });

  it('bills an account claimed by several enterprises to the first listed', () => {
    const twin: LinkedEnterprise = {enterpriseId: 11, name: 'Acme Twin', awsAccountId: '222222222222'};
    assert.deepEqual(summary(reconcile(preview([account('222222222222', 5)]), PAYER, [acme, twin])), ['billed 222222222222 Acme']);
  });

  it('gives only idle lines when nothing cost anything', () => {
    assert.deepEqual(summary(reconcile(preview([]), PAYER, [globex, acme])), ['idle Acme', 'idle Globex']);
  });
});
