/**
 * Simulated S3: a proxy in front of s3rver that adds what s3rver lacks and the extension depends on — SigV4
 * verification, bucket regions (301 PermanentRedirect / 400 AuthorizationHeaderMalformed with
 * `x-amz-bucket-region`), per-key permissions (403 AccessDenied, and 403 instead of 404 without s3:ListBucket),
 * GetBucketLocation for non-default regions (and legacy `EU`), and injected faults. It takes path-style
 * (`/<bucket>/<key>`) and virtual-hosted-style (`Host: <bucket>.<host>`) requests alike, and keys that begin with `/`.
 * Allowed requests reach s3rver path-style, without the signature, which s3rver cannot check against scenario keys,
 * and under the key's storage name (storage-key.ts).
 */
import {createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {isIP} from 'node:net';
import {skewedTimes, type FaultControl, type FaultKind} from './faults.ts';
import {dropConnection, requestId, xmlFields} from './http-util.ts';
import {listObjects} from './list-objects.ts';
import type {IndexedObject, ObjectIndex} from './object-index.ts';
import {isAllowed, bucketArn} from './permissions.ts';
import {s3Operation} from './s3-operation.ts';
import type {AwsBucket, AwsScenario} from './scenario-types.ts';
import {parseAuthorization, verifySigV4, type SigV4Failure} from './sigv4-verify.ts';
import {storagePath} from './storage-key.ts';

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

interface S3Error {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, string | undefined>;
}

const SIGNATURE_MESSAGE = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

function authError(
  code: SigV4Failure,
  facts: Readonly<Record<string, string | number>> | undefined,
  signedRegion: string | undefined,
  bucket?: AwsBucket,
): S3Error {
  const accessKeyId = facts?.['accessKeyId'] === undefined ? undefined : String(facts['accessKeyId']);
  switch (code) {
    case 'MissingAuthenticationToken':
      return accessDenied();
    case 'AuthorizationHeaderMalformed':
      return {
        status: 400,
        code,
        message: 'The authorization header is malformed; the Credential is mal-formed.',
        extra: {Region: bucket?.region ?? signedRegion},
      };
    case 'InvalidAccessKeyId':
      return {status: 403, code, message: 'The AWS Access Key Id you provided does not exist in our records.', extra: {AWSAccessKeyId: accessKeyId}};
    case 'SignatureDoesNotMatch':
      return {status: 403, code, message: SIGNATURE_MESSAGE, extra: {AWSAccessKeyId: accessKeyId}};
    case 'ExpiredToken':
      return {status: 400, code, message: 'The provided token has expired.'};
    case 'RequestTimeTooSkewed':
      return tooSkewed(new Date(String(facts?.['requestTime'])), new Date());
  }
}

function tooSkewed(requestTime: Date, serverTime: Date): S3Error {
  const extra = {RequestTime: requestTime.toISOString(), ServerTime: serverTime.toISOString(), MaxAllowedSkewMilliseconds: '900000'};
  return {status: 403, code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.', extra};
}

function faultError(kind: Exclude<FaultKind, 'drop'>, req: IncomingMessage): S3Error {
  if (kind !== 'skew') return FAULT_ERRORS[kind];
  const {requestTime, serverTime} = skewedTimes(req.headers['x-amz-date'] as string | undefined);
  return tooSkewed(requestTime, serverTime);
}

function accessDenied(): S3Error {
  return {status: 403, code: 'AccessDenied', message: 'Access Denied'};
}

const FAULT_ERRORS: Record<'slowdown' | '500', S3Error> = {
  slowdown: {status: 503, code: 'SlowDown', message: 'Please reduce your request rate.'},
  '500': {status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.'},
};

/**
 * The bucket a virtual-hosted request names in its Host header, as S3 reads `<bucket>.s3.<region>.amazonaws.com`:
 * the longest scenario bucket the host starts with (`acme.billing.reports.localhost`), else whatever precedes
 * `.s3….amazonaws.com` or `.localhost` (an unknown bucket, answered NoSuchBucket). An IP address or a bare host
 * name (`localhost`) means path-style.
 */
export function virtualHostBucket(hostHeader: string | undefined, buckets: readonly AwsBucket[]): string | undefined {
  const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!host || isIP(host.replace(/^\[|\]$/g, '')) || !host.includes('.')) return undefined;
  const known = buckets.filter((b) => host.startsWith(`${b.name}.`)).sort((a, b) => b.name.length - a.name.length)[0];
  if (known) return known.name;
  return /^(.+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/.exec(host)?.[1] ?? /^(.+)\.localhost$/.exec(host)?.[1];
}

/** What GetBucketLocation answers: empty for us-east-1 (AWS's docs say null), the scenario's legacy `EU`, or the region. */
function locationConstraint(bucket: AwsBucket): string {
  return bucket.locationConstraint ?? (bucket.region === 'us-east-1' ? '' : bucket.region);
}

/** The endpoint S3 names in a PermanentRedirect: the bucket's own regional host. */
function bucketEndpoint(bucket: AwsBucket): string {
  return bucket.region === 'us-east-1' ? `${bucket.name}.s3.amazonaws.com` : `${bucket.name}.s3.${bucket.region}.amazonaws.com`;
}

function sendError(req: IncomingMessage, res: ServerResponse, error: S3Error, bucket?: AwsBucket): void {
  const id = requestId();
  const headers: Record<string, string> = {'x-amz-request-id': id, 'x-amz-id-2': Buffer.from(id).toString('base64')};
  // S3 names the bucket's region on every answer about an existing bucket, errors included.
  if (bucket) headers['x-amz-bucket-region'] = bucket.region;
  // The SDK corrects its clock from the server time a skew error names.
  if (error.extra?.['ServerTime']) headers['date'] = new Date(error.extra['ServerTime']).toUTCString();
  // HEAD responses never have a body; the SDK then sees only the status code.
  if (req.method === 'HEAD') {
    res.writeHead(error.status, headers).end();
    return;
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${xmlFields({Code: error.code, Message: error.message, ...error.extra, RequestId: id, HostId: headers['x-amz-id-2']})}</Error>`;
  res.writeHead(error.status, {...headers, 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body))});
  res.end(body);
}

interface Forwarding {
  /** Path and query to ask s3rver for (path-style). */
  path: string;
  /** Called with s3rver's status; returns true when it answered the client itself. */
  intercept: (status: number) => boolean;
  regionHeader?: string;
  /**
   * The object's Last-Modified as the key index holds it: s3rver's is the time the object was put into it, and S3's
   * API cannot set another (seed.ts).
   */
  lastModified?: Date;
  /** Keeps the key index in step with writes that s3rver accepted. */
  onSuccess?: (etag: string | undefined) => void;
}

export interface S3ProxyOptions {
  scenario: () => AwsScenario;
  indexes: Map<string, ObjectIndex>;
  upstreamPort: () => number;
  faults: FaultControl;
  count: (operation: string) => void;
}

export function createS3Proxy({scenario, indexes, upstreamPort, faults, count}: S3ProxyOptions): Server {
  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('s3-proxy', e);
      if (!res.headersSent) sendError(req, res, FAULT_ERRORS['500']);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const world = scenario();
    // Prefixed, not resolved against a base: a virtual-hosted `//report/…` (a key that begins with `/`) would read as
    // a protocol-relative URL naming the host `report`.
    const url = new URL(`http://sandbox.invalid${req.url ?? '/'}`);
    // Virtual-hosted requests (`<bucket>.<endpoint>`) reach the bucket's own region, as S3's global DNS does.
    const vhostBucket = virtualHostBucket(req.headers.host, world.buckets);
    const op = s3Operation(req.method ?? 'GET', url.pathname, url.searchParams, vhostBucket);
    count(op.name);

    const fault = await faults.beforeResponse();
    if (fault === 'drop') return dropConnection(req);
    if (fault) return sendError(req, res, faultError(fault, req));

    const bucket = world.buckets.find((b) => b.name === op.bucket);
    const auth = parseAuthorization(req.headers.authorization);
    const signedRegion = auth.ok ? auth.value.region : undefined;
    // GetBucketLocation is answered from any region: it is how clients find the right one.
    if (bucket && op.name !== 'GetBucketLocation' && (signedRegion ?? 'us-east-1') !== bucket.region) {
      if (vhostBucket !== undefined) {
        return sendError(
          req,
          res,
          {
            status: 400,
            code: 'AuthorizationHeaderMalformed',
            message: `The authorization header is malformed; the region '${signedRegion}' is wrong; expecting '${bucket.region}'`,
            extra: {Region: bucket.region},
          },
          bucket,
        );
      }
      return sendError(
        req,
        res,
        {
          status: 301,
          code: 'PermanentRedirect',
          message: 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
          extra: {Endpoint: bucketEndpoint(bucket), Bucket: bucket.name},
        },
        bucket,
      );
    }

    const verified = await verifySigV4(req, world.users, {service: 's3'});
    if (!verified.ok && verified.code !== 'MissingAuthenticationToken') {
      return sendError(req, res, authError(verified.code, verified.facts, signedRegion, bucket), bucket);
    }
    const user = verified.ok ? verified.value.user : undefined;

    if (op.bucket && !bucket) {
      return sendError(req, res, {status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist', extra: {BucketName: op.bucket}});
    }
    if (bucket && !isAllowed(user, op.action, op.resource, bucket)) return sendError(req, res, accessDenied(), bucket);
    if (!bucket && !isAllowed(user, op.action, op.resource)) return sendError(req, res, accessDenied());

    if (bucket && op.name === 'GetBucketLocation') {
      const location = locationConstraint(bucket);
      // For us-east-1, S3 sends an empty element: `<LocationConstraint xmlns="…"/>`.
      return sendXml(
        res,
        `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NS}"${location ? `>${location}</LocationConstraint>` : '/>'}`,
      );
    }
    if (bucket && (op.name === 'ListObjectsV2' || op.name === 'ListObjects')) {
      const answer = listObjects(bucket.name, indexes.get(bucket.name)!, url.searchParams, op.name === 'ListObjectsV2');
      if (!answer.ok)
        return sendError(req, res, {status: 400, code: 'InvalidArgument', message: answer.message, extra: {ArgumentName: answer.argument}}, bucket);
      return sendXml(res, answer.xml);
    }
    const readsObject = op.name === 'GetObject' || op.name === 'HeadObject';
    const indexed = bucket && op.key !== undefined && readsObject ? indexes.get(bucket.name)!.get(op.key) : undefined;
    if (indexed?.inMemory) return sendHeld(req, res, indexed.inMemory, indexed);
    // Without s3:ListBucket, S3 will not reveal whether a key exists: a missing object is 403, not 404.
    const hideMissing = !!bucket && !!op.key && !isAllowed(user, 's3:ListBucket', bucketArn(bucket.name), bucket);
    const target: Forwarding = {
      // Object requests go under the key's storage name; others path-style as they came.
      path:
        bucket && op.key !== undefined
          ? `${storagePath(bucket.name, op.key)}${url.search}`
          : vhostBucket !== undefined
            ? `/${vhostBucket}${url.pathname}${url.search}`
            : (req.url ?? '/'),
      intercept: (status) => {
        if (status !== 404 || !bucket || op.key === undefined) return false;
        if (hideMissing) sendError(req, res, accessDenied(), bucket);
        // s3rver's NoSuchKey would name the storage key; S3 names the key asked for.
        else if (readsObject) sendError(req, res, {status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.', extra: {Key: op.key}});
        else return false;
        return true;
      },
      ...(op.name === 'HeadBucket' ? {regionHeader: bucket!.region} : {}),
      ...(indexed ? {lastModified: indexed.lastModified} : {}),
      ...(bucket && op.key !== undefined ? {onSuccess: (etag) => trackWrite(indexes.get(bucket.name)!, op.name, op.key!, req, etag)} : {}),
    };
    forward(req, res, target);
  }

  /** An object held in memory (bulk filler), answered as s3rver would answer a stored one. */
  function sendHeld(req: IncomingMessage, res: ServerResponse, held: {body: Buffer; contentType: string}, object: IndexedObject): void {
    res.writeHead(200, {
      'content-type': held.contentType,
      'content-length': String(held.body.length),
      etag: object.etag,
      'last-modified': object.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
      'x-amz-request-id': requestId(),
    });
    res.end(req.method === 'HEAD' ? undefined : held.body);
  }

  function sendXml(res: ServerResponse, body: string): void {
    res.writeHead(200, {'content-type': 'application/xml', 'x-amz-request-id': requestId(), 'content-length': String(Buffer.byteLength(body))});
    res.end(body);
  }

  function forward(req: IncomingMessage, res: ServerResponse, {path, intercept, regionHeader, lastModified, onSuccess}: Forwarding): void {
    const headers = {...req.headers, host: `127.0.0.1:${upstreamPort()}`};
    // s3rver cannot check signatures made with scenario keys; the proxy already did. Unsigned, s3rver serves all.
    delete headers.authorization;
    const upstream = httpRequest({host: '127.0.0.1', port: upstreamPort(), method: req.method, path, headers}, (answer) => {
      const status = answer.statusCode ?? 502;
      if (intercept(status)) {
        answer.resume();
        return;
      }
      const outHeaders = {
        ...answer.headers,
        ...(regionHeader ? {'x-amz-bucket-region': regionHeader} : {}),
        ...(lastModified && status < 300 ? {'last-modified': lastModified.toUTCString()} : {}),
      };
      if (status < 300) onSuccess?.(answer.headers.etag);
      res.writeHead(status, outHeaders);
      answer.pipe(res);
    });
    upstream.on('error', (e) => {
      console.error('s3-proxy upstream', e);
      if (!res.headersSent) sendError(req, res, FAULT_ERRORS['500']);
    });
    req.pipe(upstream);
  }
}

/** Objects written through the sandbox (tests, demos) become listable like seeded ones. */
function trackWrite(index: ObjectIndex, operation: string, key: string, req: IncomingMessage, etag: string | undefined): void {
  if (operation === 'DeleteObject') index.delete(key);
  if (operation === 'PutObject') {
    // Whole seconds, as S3 keeps them (and as s3rver's Last-Modified header shows them).
    index.put({key, size: Number(req.headers['content-length'] ?? 0), etag: etag ?? '""', lastModified: new Date(Math.floor(Date.now() / 1000) * 1000)});
  }
}
