import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {LINKED_KEYS, PAYER_ACCOUNT, PRICING_KEY} from './demo-keys.ts';
import {startAws, type AwsSandbox} from './index.ts';
import {awsScenario, failureOf, keyOf, stsClient, userWithKey} from './test-support.ts';

describe('simulated STS GetCallerIdentity', () => {
  let sandbox: AwsSandbox;
  const aws = awsScenario('root-account-key');
  before(async () => {
    sandbox = await startAws(aws);
  });
  after(() => sandbox.close());

  it('names the IAM user, its account and unique ID for a valid key', async () => {
    const identity = await stsClient(sandbox, PRICING_KEY).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, PAYER_ACCOUNT);
    assert.equal(identity.Arn, `arn:aws:iam::${PAYER_ACCOUNT}:user/abiquo-billing-user`);
    assert.equal(identity.UserId, 'AIDAEXAMPLEBILLINGUSR');
  });

  it('answers for each linked account with its own abiquo-billing-user-public', async () => {
    for (const key of LINKED_KEYS) {
      const identity = await stsClient(sandbox, key).send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, `arn:aws:iam::${key.account}:user/abiquo-billing-user-public`);
    }
  });

  it('rejects a wrong secret with 403 SignatureDoesNotMatch', async () => {
    const failure = await failureOf(
      stsClient(sandbox, {...PRICING_KEY, secretAccessKey: PRICING_KEY.secretAccessKey.replace('EXAMPLE', 'EXAMPLF')}).send(new GetCallerIdentityCommand({})),
    );
    assert.equal(failure.name, 'SignatureDoesNotMatch');
    assert.equal(failure.status, 403);
  });

  it('rejects an unknown access key ID with 403 InvalidClientTokenId', async () => {
    const failure = await failureOf(
      stsClient(sandbox, {accessKeyId: 'AKIANOSUCHKEYEXAMPLE', secretAccessKey: PRICING_KEY.secretAccessKey}).send(new GetCallerIdentityCommand({})),
    );
    assert.equal(failure.name, 'InvalidClientTokenId');
    assert.equal(failure.status, 403);
    assert.equal(failure.message, 'The security token included in the request is invalid.');
  });

  it('shows root-account keys with an ARN ending in :root and the account as UserId', async () => {
    const identity = await stsClient(sandbox, keyOf(userWithKey(aws, 'AKIAROOTKEYSEXAMPLE7'))).send(new GetCallerIdentityCommand({}));
    assert.match(identity.Arn ?? '', /^arn:aws:iam::123456789012:root$/);
    assert.equal(identity.UserId, PAYER_ACCOUNT);
  });

  it('answers AWS Query XML that a plain HTTP client can read', async () => {
    const response = await fetch(sandbox.stsUrl, {
      method: 'POST',
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
    });
    const xml = await response.text();
    assert.equal(response.status, 403);
    assert.match(
      xml,
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/,
    );
    assert.match(xml, /<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });
});

describe('simulated STS with an expired temporary key', () => {
  it('answers 403 ExpiredToken, and InvalidClientTokenId when the session token is missing', async () => {
    const aws = awsScenario('expired-key');
    const sandbox = await startAws(aws);
    try {
      const failure = await failureOf(stsClient(sandbox, keyOf(userWithKey(aws, 'ASIATEMPSESSEXAMPLE2'))).send(new GetCallerIdentityCommand({})));
      assert.equal(failure.name, 'ExpiredToken');
      assert.equal(failure.status, 403);
      const {sessionToken: _token, ...withoutToken} = keyOf(userWithKey(aws, 'ASIATEMPSESSEXAMPLE2'));
      const untokened = await failureOf(stsClient(sandbox, withoutToken).send(new GetCallerIdentityCommand({})));
      assert.deepEqual([untokened.name, untokened.status], ['InvalidClientTokenId', 403], 'without its session token the key is unknown');
    } finally {
      await sandbox.close();
    }
  });
});
