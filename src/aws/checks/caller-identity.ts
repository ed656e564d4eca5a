/** STS GetCallerIdentity in us-east-1: proves the keys work and says whose they are (no permission needed). */
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {classifyAwsError, type AwsFailure} from '../aws-errors.ts';
import {STS_REGION} from '../aws-clients.ts';
import type {Check, Identity} from '../types.ts';
import {failureCheck, sendOptions, type CheckContext} from './check-context.ts';

export interface IdentityOutcome {
  readonly checks: Check[];
  readonly identity?: Identity;
  readonly failure?: AwsFailure;
}

/** `arn:aws:iam::123456789012:user/path/name` → `name`; `…:root` → `root`; assumed roles → the session name. */
export function identityFromArn(account: string, arn: string, userId: string): Identity {
  const isRoot = /:root$/.test(arn);
  const resource = arn.split(':').slice(5).join(':');
  const userName = isRoot ? 'root' : (resource.split('/').pop() ?? resource);
  return {account, arn, userId, userName, isRoot};
}

export async function checkCallerIdentity(expectedUserName: string | undefined, context: CheckContext): Promise<IdentityOutcome> {
  const {sts} = context.clients.forRegion(STS_REGION);
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}), sendOptions(context));
    const identity = identityFromArn(out.Account ?? '', out.Arn ?? '', out.UserId ?? '');
    const facts = {account: identity.account, arn: identity.arn, userName: identity.userName};
    const checks: Check[] = [{code: 'STS_IDENTITY_OK', status: 'pass', field: 'accessKeyId', facts}];
    if (identity.isRoot) checks.push({code: 'STS_ROOT_KEYS', status: 'warn', field: 'accessKeyId', facts});
    else if (expectedUserName && identity.userName !== expectedUserName) {
      checks.push({code: 'STS_UNEXPECTED_USER', status: 'warn', field: 'accessKeyId', facts: {...facts, expectedUserName}});
    }
    return {checks, identity};
  } catch (error) {
    const failure = classifyAwsError(error);
    return {checks: failure.kind === 'aborted' ? [] : [failureCheck(failure, 'GetCallerIdentity', 'accessKeyId')], failure};
  }
}
