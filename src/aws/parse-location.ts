/**
 * Where the CUR lives, as the operator typed it: a bucket name, `s3://bucket/prefix/…`, an S3 console URL,
 * an S3 object URL or a bucket ARN; plus region codes, prefixes and report names. Pure.
 */
import {SECRET_RUN} from '../shared/key-shapes.ts';
import {err, ok, type Result} from '../shared/result.ts';
import {cleanField} from './parse-keys.ts';

export interface BucketLocation {
  readonly bucket: string;
  /** Path after the bucket, normalised (no leading or trailing `/`); may include the report name. */
  readonly path?: string;
  readonly region?: string;
}

// Bucket names: 3–63 characters; uppercase and `_` survive in old us-east-1 buckets (AWS's S3Bucket pattern).
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
// The patterns of AWS's ReportDefinition API for `S3Prefix` and `ReportName` (at most 256 characters each).
const PREFIX = /^[0-9A-Za-z!\-_.*'()/]{0,256}$/;
const REPORT_NAME = /^[0-9A-Za-z!\-_.*'()]{1,256}$/;

/**
 * Whether a location field holds a secret access key (pasted in the wrong field): such a value must be neither
 * sent to S3 (it would travel in the URL) nor echoed in a message.
 */
export function holdsSecret(text: string | undefined, secret: string | undefined): boolean {
  const value = text ?? '';
  if (secret && secret.length >= 16 && value.includes(secret)) return true;
  // Base 64 in mixed case, a secret long: the shape of a secret access key, never of a bucket, prefix or report name.
  return [...value.matchAll(SECRET_RUN)].some(([run]) => /[A-Z]/.test(run) && /[a-z]/.test(run));
}

/** Trims `/` at both ends and collapses doubled separators: `/cur//hourly/` → `cur/hourly`. */
export function normalizePrefix(prefix: string | undefined): string {
  return cleanField(prefix)
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
}

/**
 * S3's legacy location constraints, as GetBucketLocation still answers them and as some write them into
 * `amazon_bucket_region`: `EU` is eu-west-1, and an empty constraint (shown here as `US`) us-east-1.
 */
const LEGACY_LOCATIONS: Readonly<Record<string, string>> = {eu: 'eu-west-1', us: 'us-east-1'};

export function parseRegion(text: string | undefined): Result<string | undefined, 'REGION_MALFORMED'> {
  const typed = cleanField(text);
  if (!typed) return ok(undefined);
  const region = LEGACY_LOCATIONS[typed.toLowerCase()] ?? typed.toLowerCase();
  // Quoted as typed: the operator recognises their own input.
  return REGION.test(region) ? ok(region) : err('REGION_MALFORMED', {region: typed});
}

export function parsePrefix(text: string | undefined): Result<string, 'PREFIX_MALFORMED'> {
  const prefix = normalizePrefix(text);
  return PREFIX.test(prefix) ? ok(prefix) : err('PREFIX_MALFORMED', {prefix});
}

export function parseReportName(text: string | undefined): Result<string | undefined, 'REPORT_NAME_MALFORMED'> {
  const name = cleanField(text);
  if (!name) return ok(undefined);
  return REPORT_NAME.test(name) ? ok(name) : err('REPORT_NAME_MALFORMED', {reportName: name});
}

function location(bucket: string, path = '', region?: string | null): Result<BucketLocation, 'BUCKET_MALFORMED'> {
  const cleanBucket = cleanField(bucket);
  // Upper case and `_` stay allowed: legacy us-east-1 buckets have them. No rule, old or new, allows an IP address.
  if (!BUCKET.test(cleanBucket) || cleanBucket.includes('..') || IP_ADDRESS.test(cleanBucket)) return err('BUCKET_MALFORMED', {bucket: shown(cleanBucket)});
  const normalized = normalizePrefix(safeDecode(path)).replace(/\*$/, '').replace(/\/$/, '');
  const regionOk = region && REGION.test(region) ? region : undefined;
  return ok({bucket: cleanBucket, ...(normalized ? {path: normalized} : {}), ...(regionOk ? {region: regionOk} : {})});
}

/** What a message may echo of a malformed value: enough to recognise it, not a whole pasted document. */
function shown(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function fromUrl(url: URL): Result<BucketLocation, 'BUCKET_MALFORMED'> {
  const host = url.hostname.toLowerCase();
  const query = url.searchParams;
  // Console: https://s3.console.aws.amazon.com/s3/buckets/BUCKET?region=R&prefix=P (also /s3/object/…)
  if (host.endsWith('console.aws.amazon.com')) {
    const match = /^\/s3\/(?:buckets|object|upload)\/([^/?#]+)\/?(.*)$/.exec(url.pathname);
    if (!match) return err('BUCKET_MALFORMED', {bucket: shown(url.href)});
    const regionInHost = /^([a-z0-9-]+)\.console\.aws\.amazon\.com$/.exec(host)?.[1];
    return location(match[1]!, query.get('prefix') ?? match[2] ?? '', query.get('region') ?? (regionInHost !== 's3' ? regionInHost : undefined));
  }
  // Virtual-hosted object URL: https://BUCKET.s3.R.amazonaws.com/P (or .s3.amazonaws.com, .s3-R.amazonaws.com)
  const virtual = /^(.+)\.s3[.-](?:([a-z0-9-]+)\.)?amazonaws\.com$/.exec(host);
  if (virtual) return location(virtual[1]!, url.pathname, virtual[2] === 'dualstack' ? undefined : virtual[2]);
  // Path-style: https://s3.R.amazonaws.com/BUCKET/P
  const pathStyle = /^s3[.-](?:([a-z0-9-]+)\.)?amazonaws\.com$/.exec(host);
  if (pathStyle) {
    const [, bucket = '', ...rest] = url.pathname.split('/');
    return location(bucket, rest.join('/'), pathStyle[1]);
  }
  return err('BUCKET_MALFORMED', {bucket: shown(url.href)});
}

/** Any of the accepted spellings of a bucket; the path after it is kept as a hint for discovery. */
export function parseBucket(text: string | undefined): Result<BucketLocation, 'BUCKET_MALFORMED'> {
  const value = cleanField(text);
  if (!value) return err('BUCKET_MALFORMED', {bucket: ''});
  const s3Uri = /^s3[an]?:\/\/([^/]+)\/?(.*)$/i.exec(value);
  if (s3Uri) return location(s3Uri[1]!, s3Uri[2]);
  const arn = /^arn:aws[a-z-]*:s3:::([^/]+)\/?(.*)$/.exec(value);
  if (arn) return location(arn[1]!, arn[2]);
  if (/^https?:\/\//i.test(value)) {
    try {
      return fromUrl(new URL(value));
    } catch {
      return err('BUCKET_MALFORMED', {bucket: shown(value)});
    }
  }
  // A bare name, possibly followed by a path: `bucket/prefix`.
  const [bucket = '', ...rest] = value.split('/');
  return location(bucket, rest.join('/'));
}
