/**
 * Verifies an AWS Signature Version 4 `Authorization` header the way AWS does: re-sign the received request with
 * the secret the scenario holds for that key ID and compare. Errors are values carrying AWS's own codes.
 */
import {Hash} from '@smithy/hash-node';
import {SignatureV4} from '@smithy/signature-v4';
import type {IncomingMessage} from 'node:http';
import {createHash, timingSafeEqual} from 'node:crypto';
import {err, ok, type Result} from '../../src/shared/result.ts';
import type {AwsUser} from './scenario-types.ts';

export interface SignedScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export interface VerifiedRequest {
  user: AwsUser;
  /** The region of the credential scope: the region the client believes it talks to. */
  region: string;
}

export type SigV4Failure =
  'MissingAuthenticationToken' | 'AuthorizationHeaderMalformed' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch' | 'ExpiredToken' | 'RequestTimeTooSkewed';

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
// AWS rejects requests signed more than 15 minutes away from its clock.
const MAX_SKEW_MS = 15 * 60 * 1000;
const sha256 = Hash.bind(null, 'sha256');

export function parseAuthorization(header: string | undefined): Result<SignedScope, 'MissingAuthenticationToken' | 'AuthorizationHeaderMalformed'> {
  if (!header) return err('MissingAuthenticationToken');
  const match = AUTH_PATTERN.exec(header.trim());
  if (!match) return err('AuthorizationHeaderMalformed');
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  return ok({accessKeyId: accessKeyId!, date: date!, region: region!, service: service!, signedHeaders: signedHeaders!.split(';'), signature: signature!});
}

export function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * `body` is the raw request body when the service signs it (STS, CUR); S3 signs the `x-amz-content-sha256` header instead.
 * `uriEscapePath` is false for S3, whose signed path is the already-encoded path as sent.
 */
export async function verifySigV4(
  req: IncomingMessage,
  users: readonly AwsUser[],
  options: {service: 's3' | 'sts' | 'cur'; body?: Buffer; now?: Date},
): Promise<Result<VerifiedRequest, SigV4Failure>> {
  const parsed = parseAuthorization(headerValue(req, 'authorization'));
  if (!parsed.ok) return parsed;
  const scope = parsed.value;
  const user = users.find((u) => u.accessKeyId === scope.accessKeyId);
  if (!user) return err('InvalidAccessKeyId', {accessKeyId: scope.accessKeyId});
  // A temporary key means nothing to AWS without its session token: it answers as for an unknown key.
  if (user.sessionToken && !headerValue(req, 'x-amz-security-token')) return err('InvalidAccessKeyId', {accessKeyId: scope.accessKeyId});
  const signingDate = parseAmzDate(headerValue(req, 'x-amz-date'));
  if (!signingDate || scope.service !== options.service || !scope.signedHeaders.includes('host')) {
    return err('AuthorizationHeaderMalformed', {region: scope.region});
  }
  if (Math.abs(signingDate.getTime() - (options.now ?? new Date()).getTime()) > MAX_SKEW_MS) {
    return err('RequestTimeTooSkewed', {requestTime: signingDate.toISOString()});
  }

  // Prefixed, not resolved: `//report/…` (virtual-hosted, a key beginning with `/`) is not a protocol-relative URL.
  const url = new URL(`http://sandbox.invalid${req.url ?? '/'}`);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prior = query[k];
    query[k] = prior === undefined ? v : [...(Array.isArray(prior) ? prior : [prior]), v];
  }
  const headers: Record<string, string> = {};
  for (const name of scope.signedHeaders) headers[name] = headerValue(req, name) ?? '';
  const rawPath = (req.url ?? '/').split('?')[0]!;

  const signer = new SignatureV4({
    service: scope.service,
    region: scope.region,
    sha256,
    applyChecksum: false,
    uriEscapePath: options.service !== 's3',
    credentials: {accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey, ...(user.sessionToken ? {sessionToken: user.sessionToken} : {})},
  });
  const resigned = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: 'sandbox.invalid',
      path: options.service === 's3' ? rawPath : decodeURIComponent(rawPath),
      query,
      headers,
      ...(options.body && options.service !== 's3' ? {body: options.body} : {}),
    },
    {signingDate, signableHeaders: new Set(scope.signedHeaders)},
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers['authorization']))?.[1] ?? '';
  if (!constantTimeEqual(expected, scope.signature)) return err('SignatureDoesNotMatch', {accessKeyId: scope.accessKeyId});
  if (user.expired) return err('ExpiredToken');
  return ok({user, region: scope.region});
}

function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
