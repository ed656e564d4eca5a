/** Helpers for the AWS sandbox's Node tests: scenarios by name, real SDK clients pointed at the sandbox. */
import {S3Client, type S3ClientConfig} from '@aws-sdk/client-s3';
import {STSClient} from '@aws-sdk/client-sts';
import assert from 'node:assert/strict';
import {loadScenario} from '../scenario.ts';
import type {AwsSandbox} from './index.ts';
import type {AwsScenario, AwsUser} from './scenario-types.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

export interface Key {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function awsScenario(name: string): AwsScenario {
  const aws = loadScenario(name).aws;
  assert.ok(aws, `scenario ${name} has an aws section`);
  return aws as unknown as AwsScenario;
}

export function keyOf(user: AwsUser): Key {
  return {accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey, ...(user.sessionToken ? {sessionToken: user.sessionToken} : {})};
}

export function userWithKey(aws: AwsScenario, accessKeyId: string): AwsUser {
  const user = aws.users.find((u) => u.accessKeyId === accessKeyId);
  assert.ok(user, `a user has key ${accessKeyId}`);
  return user;
}

export function s3Client(sandbox: AwsSandbox, credentials: Key, region = 'us-east-1', extra: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({region, endpoint: sandbox.s3Url, forcePathStyle: true, credentials, maxAttempts: 1, ...extra});
}

export function stsClient(sandbox: AwsSandbox, credentials: Key): STSClient {
  return new STSClient({region: 'us-east-1', endpoint: sandbox.stsUrl, credentials, maxAttempts: 1});
}

/** What the SDK exposes on a failed call: code, status and response headers. */
export interface SdkFailure {
  name: string;
  message: string;
  status: number | undefined;
  headers: Record<string, string>;
  error: Record<string, unknown>;
}

export async function failureOf(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (e) {
    const error = e as {name: string; message: string; $metadata?: {httpStatusCode?: number}; $response?: {headers?: Record<string, string>}};
    return {name: error.name, message: error.message, status: error.$metadata?.httpStatusCode, headers: error.$response?.headers ?? {}, error: e as Record<string, unknown>};
  }
  assert.fail('the call was expected to fail');
}
