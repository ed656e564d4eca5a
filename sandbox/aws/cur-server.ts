/**
 * Simulated Cost and Usage Report API (`cur.us-east-1.amazonaws.com`): `DescribeReportDefinitions` over the AWS JSON
 * 1.1 protocol (POST / with `X-Amz-Target`), SigV4-verified for service `cur` in us-east-1, paged 5 at a time with
 * `NextToken`. Errors are JSON `{"__type", "message"}` with the `x-amzn-ErrorType` header, as the JSON protocol sends.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {randomUUID} from 'node:crypto';
import {skewedTimes, type FaultControl, type FaultKind} from './faults.ts';
import {dropConnection, readBody, signatureExpiredMessage} from './http-util.ts';
import {callerIdentity, isAllowed} from './permissions.ts';
import {reportDefinitions} from './report-definitions.ts';
import type {AwsScenario} from './scenario-types.ts';
import {verifySigV4, type SigV4Failure} from './sigv4-verify.ts';

const TARGET_PREFIX = 'AWSOrigamiServiceGatewayService.';
const OPERATION = 'DescribeReportDefinitions';
/** `MaxResults`: "Valid Range: Fixed value of 5" (the DescribeReportDefinitions API reference). */
const PAGE_SIZE = 5;
const REGION = 'us-east-1';

interface JsonError {
  status: number;
  type: string;
  message: string;
  /** Sent as the `Date` header (the SDK corrects its clock from it); now by default. */
  serverTime?: Date;
}

const AUTH_ERRORS: Record<Exclude<SigV4Failure, 'RequestTimeTooSkewed'>, JsonError> = {
  MissingAuthenticationToken: {status: 400, type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token'},
  AuthorizationHeaderMalformed: {
    status: 400,
    type: 'IncompleteSignatureException',
    message: 'Authorization header requires a valid Credential, SignedHeaders and Signature.',
  },
  InvalidAccessKeyId: {status: 400, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.'},
  SignatureDoesNotMatch: {
    status: 400,
    type: 'InvalidSignatureException',
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  },
  ExpiredToken: {status: 400, type: 'ExpiredTokenException', message: 'The security token included in the request is expired'},
};

const FAULT_ERRORS: Record<'slowdown' | '500', JsonError> = {
  slowdown: {status: 400, type: 'ThrottlingException', message: 'Rate exceeded'},
  '500': {status: 500, type: 'InternalErrorException', message: 'An internal error has occurred.'},
};

const signatureExpired = (requestTime: Date, serverTime: Date): JsonError => ({
  status: 400,
  type: 'InvalidSignatureException',
  message: signatureExpiredMessage(requestTime, serverTime),
  serverTime,
});

function faultError(kind: Exclude<FaultKind, 'drop'>, req: IncomingMessage): JsonError {
  if (kind !== 'skew') return FAULT_ERRORS[kind];
  const {requestTime, serverTime} = skewedTimes(req.headers['x-amz-date'] as string | undefined);
  return signatureExpired(requestTime, serverTime);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, date = new Date()): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
    'content-length': String(Buffer.byteLength(text)),
    date: date.toUTCString(),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: JsonError): void {
  const errorType = `${error.type}:http://internal.amazon.com/coral/com.amazon.coral.service/`;
  send(res, error.status, {__type: error.type, message: error.message}, {'x-amzn-errortype': errorType}, error.serverTime);
}

/** Opaque page tokens: the offset of the page, encoded. */
const tokenOf = (offset: number): string => Buffer.from(`page:${offset}`).toString('base64');
function offsetOf(token: unknown): number | undefined {
  if (token === undefined) return 0;
  const match = typeof token === 'string' ? /^page:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8')) : null;
  return match ? Number(match[1]) : undefined;
}

function parseRequest(body: Buffer): {MaxResults?: unknown; NextToken?: unknown} | undefined {
  try {
    const parsed: unknown = JSON.parse(body.length > 0 ? body.toString('utf8') : '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** `now`: the instant the bucket contents were generated for (default: the scenario's), so that definitions agree with them. */
export function createCurServer(scenario: () => AwsScenario, faults: FaultControl, count: (operation: string) => void, now?: () => Date): Server {
  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in the simulation, not a simulated failure: answer like AWS would and keep the stack for the developer.
      console.error('cur-server', e);
      if (!res.headersSent) sendError(res, FAULT_ERRORS['500']);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    count(operation || 'Unknown');
    const fault = await faults.beforeResponse();
    if (fault === 'drop') return dropConnection(req);
    if (fault) return sendError(res, faultError(fault, req));

    const world = scenario();
    const verified = await verifySigV4(req, world.users, {service: 'cur', body});
    if (!verified.ok) {
      const skewed = verified.code === 'RequestTimeTooSkewed';
      return sendError(res, skewed ? signatureExpired(new Date(String(verified.facts?.['requestTime'])), new Date()) : AUTH_ERRORS[verified.code]);
    }
    if (verified.value.region !== REGION) {
      return sendError(res, {
        status: 400,
        type: 'InvalidSignatureException',
        message: `Credential should be scoped to a valid region, not '${verified.value.region}'. `,
      });
    }
    if (req.method !== 'POST' || operation !== OPERATION) {
      return sendError(res, {status: 400, type: 'UnknownOperationException', message: ''});
    }
    const user = verified.value.user;
    const identity = callerIdentity(user);
    if (!isAllowed(user, `cur:${OPERATION}`, `arn:aws:cur:${REGION}:${user.account}:definition/*`)) {
      return sendError(res, {
        status: 400,
        type: 'AccessDeniedException',
        message: `User: ${identity.arn} is not authorized to perform: cur:${OPERATION} because no identity-based policy allows the cur:${OPERATION} action`,
      });
    }
    const request = parseRequest(body);
    if (!request) return sendError(res, {status: 400, type: 'SerializationException', message: 'Start of structure or map found where not expected.'});
    const max = request.MaxResults ?? PAGE_SIZE;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > PAGE_SIZE) {
      return sendError(res, {
        status: 400,
        type: 'ValidationException',
        message: `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${PAGE_SIZE}`,
      });
    }
    const offset = offsetOf(request.NextToken);
    if (offset === undefined) return sendError(res, {status: 400, type: 'ValidationException', message: 'Invalid NextToken.'});
    const definitions = reportDefinitions(world, user.account, now?.());
    const page = definitions.slice(offset, offset + max);
    const next = offset + max < definitions.length ? {NextToken: tokenOf(offset + max)} : {};
    send(res, 200, {ReportDefinitions: page, ...next});
  }
}
