/**
 * The one place that reads AWS SDK errors. HEAD responses have no body, so their errors carry no code: branch on
 * `$metadata.httpStatusCode` for them (SDK v3 names a HeadBucket 404 `NotFound` and a 403, 400 or 301 `Unknown`).
 * Nothing from the error's message is kept: S3 error bodies echo the string to sign, and messages are not ours to
 * show.
 */
import type {CheckCode} from './check-codes.ts';

export type AwsErrorKind =
  | 'keyUnknown'
  | 'secretMismatch'
  | 'tokenExpired'
  | 'clockSkew'
  | 'accessDenied'
  | 'noSuchBucket'
  | 'noSuchKey'
  | 'wrongRegion'
  | 'throttled'
  | 'timeout'
  | 'network'
  | 'aborted'
  | 'unknown';

export interface AwsFailure {
  readonly kind: AwsErrorKind;
  readonly status?: number;
  /** The AWS error code (`AccessDenied`…), or the SDK's name for a bodiless HEAD error. */
  readonly name: string;
  /** From `x-amz-bucket-region` (or the body's `<Region>`), whatever the status. */
  readonly bucketRegion?: string;
}

interface SdkLikeError {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  Region?: string;
  BucketRegion?: string;
  $metadata?: {httpStatusCode?: number};
  $response?: {headers?: Record<string, string | undefined>};
  cause?: unknown;
}

const byName: Readonly<Record<string, AwsErrorKind>> = {
  InvalidClientTokenId: 'keyUnknown',
  InvalidAccessKeyId: 'keyUnknown',
  UnrecognizedClientException: 'keyUnknown',
  SignatureDoesNotMatch: 'secretMismatch',
  InvalidSignatureException: 'secretMismatch',
  ExpiredToken: 'tokenExpired',
  ExpiredTokenException: 'tokenExpired',
  InvalidToken: 'tokenExpired',
  TokenRefreshRequired: 'tokenExpired',
  RequestExpired: 'clockSkew',
  RequestTimeTooSkewed: 'clockSkew',
  RequestInTheFuture: 'clockSkew',
  AccessDenied: 'accessDenied',
  AccessDeniedException: 'accessDenied',
  AllAccessDisabled: 'accessDenied',
  NoSuchBucket: 'noSuchBucket',
  NoSuchKey: 'noSuchKey',
  PermanentRedirect: 'wrongRegion',
  AuthorizationHeaderMalformed: 'wrongRegion',
  IllegalLocationConstraintException: 'wrongRegion',
  SlowDown: 'throttled',
  Throttling: 'throttled',
  ThrottlingException: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  TimeoutError: 'timeout',
  RequestTimeout: 'timeout',
  AbortError: 'aborted',
};

// STS and the JSON APIs say "clock skew" only in the message of a SignatureDoesNotMatch / InvalidSignatureException
// ("Signature expired: … is now earlier than …"): read to classify, never kept.
const SIGNATURE_EXPIRED = /^Signature expired/;

const NETWORK =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|Failed to fetch|fetch failed|NetworkError|Load failed/i;

function networkLike(error: unknown, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  const e = error as {message?: unknown; code?: unknown; cause?: unknown};
  return NETWORK.test(`${String(e.code ?? '')} ${String(e.message ?? '')}`) || networkLike(e.cause, depth + 1);
}

/** Classifies any error thrown by an SDK `send` (or our signed fetch). Never throws. */
export function classifyAwsError(error: unknown, isHead = false): AwsFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  const status = e.$metadata?.httpStatusCode;
  const name = e.Code ?? e.name ?? 'Error';
  const bucketRegion = e.$response?.headers?.['x-amz-bucket-region'] ?? e.BucketRegion ?? e.Region;
  const base = {name, ...(status ? {status} : {}), ...(bucketRegion ? {bucketRegion} : {})};
  const known = SIGNATURE_EXPIRED.test(String(e.message ?? '')) ? 'clockSkew' : byName[name];
  if (known && !(isHead && status)) return {kind: known, ...base};
  if (status) {
    if (isHead) {
      if (status === 404) return {kind: 'noSuchBucket', ...base};
      if ((status === 301 || status === 400 || status === 307) && bucketRegion) return {kind: 'wrongRegion', ...base};
      if (status === 403) return {kind: 'accessDenied', ...base};
    }
    if (status === 503 || status === 429) return {kind: 'throttled', ...base};
    if (status === 301 && bucketRegion) return {kind: 'wrongRegion', ...base};
    return {kind: 'unknown', ...base};
  }
  if (networkLike(error)) return {kind: 'network', ...base};
  return {kind: known ?? 'unknown', ...base};
}

/** Codes that do not depend on which request failed. The rest (access denied, not found) are each check's own. */
export const commonCodes: Partial<Record<AwsErrorKind, CheckCode>> = {
  keyUnknown: 'AWS_KEY_UNKNOWN',
  secretMismatch: 'AWS_SECRET_MISMATCH',
  tokenExpired: 'AWS_TOKEN_EXPIRED',
  clockSkew: 'AWS_CLOCK_SKEW',
  throttled: 'AWS_THROTTLED',
  timeout: 'AWS_TIMEOUT',
  network: 'AWS_NETWORK',
};

/** The form field an auth failure points at. */
export const fieldOfKind: Partial<Record<AwsErrorKind, 'accessKeyId' | 'secretAccessKey'>> = {
  keyUnknown: 'accessKeyId',
  secretMismatch: 'secretAccessKey',
  tokenExpired: 'accessKeyId',
};
