/**
 * Simulated STS: `GetCallerIdentity` over the Query API (POST / with a form body, or GET with the same query),
 * SigV4-verified, answering AWS's XML for success and errors.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {randomUUID} from 'node:crypto';
import {skewedTimes, type FaultControl} from './faults.ts';
import {dropConnection, readBody, signatureExpiredMessage, xmlFields} from './http-util.ts';
import {callerIdentity} from './permissions.ts';
import type {AwsUser} from './scenario-types.ts';
import {verifySigV4, type SigV4Failure} from './sigv4-verify.ts';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

interface StsError {
  status: number;
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
  /** Sent as the `Date` header (the SDK corrects its clock from it); now by default. */
  serverTime?: Date;
}

const SIGNATURE_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const AUTH_ERRORS: Record<Exclude<SigV4Failure, 'RequestTimeTooSkewed'>, StsError> = {
  MissingAuthenticationToken: {status: 403, type: 'Sender', code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token'},
  AuthorizationHeaderMalformed: {
    status: 400,
    type: 'Sender',
    code: 'IncompleteSignature',
    message: 'Authorization header requires a valid Credential, SignedHeaders and Signature.',
  },
  InvalidAccessKeyId: {status: 403, type: 'Sender', code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.'},
  SignatureDoesNotMatch: {status: 403, type: 'Sender', code: 'SignatureDoesNotMatch', message: SIGNATURE_MESSAGE},
  ExpiredToken: {status: 403, type: 'Sender', code: 'ExpiredToken', message: 'The security token included in the request is expired'},
};

/** STS answers a request signed too far from its clock with SignatureDoesNotMatch, naming both times. */
function signatureExpired(requestTime: Date, serverTime: Date): StsError {
  return {status: 403, type: 'Sender', code: 'SignatureDoesNotMatch', message: signatureExpiredMessage(requestTime, serverTime), serverTime};
}

const FAULT_ERRORS: Record<'slowdown' | '500', StsError> = {
  slowdown: {status: 400, type: 'Sender', code: 'Throttling', message: 'Rate exceeded'},
  '500': {status: 500, type: 'Receiver', code: 'InternalFailure', message: 'An internal error has occurred.'},
};

function send(res: ServerResponse, status: number, body: string, id: string, date = new Date()): void {
  res.writeHead(status, {'content-type': 'text/xml', 'x-amzn-requestid': id, 'content-length': Buffer.byteLength(body), date: date.toUTCString()});
  res.end(body);
}

function sendError(res: ServerResponse, error: StsError, id: string): void {
  const fields = xmlFields({Type: error.type, Code: error.code, Message: error.message});
  send(
    res,
    error.status,
    `<ErrorResponse xmlns="${NS}">\n  <Error>${fields}</Error>\n  <RequestId>${id}</RequestId>\n</ErrorResponse>\n`,
    id,
    error.serverTime,
  );
}

export function createStsServer(users: () => readonly AwsUser[], faults: FaultControl, count: (operation: string) => void): Server {
  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in the simulation, not a simulated failure: answer like AWS would and keep the stack for the developer.
      console.error('sts-server', e);
      if (!res.headersSent) sendError(res, FAULT_ERRORS['500'], randomUUID());
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const params = req.method === 'POST' ? new URLSearchParams(body.toString('utf8')) : url.searchParams;
    const action = params.get('Action') ?? '';
    count(action || 'Unknown');
    const id = randomUUID();
    const fault = await faults.beforeResponse();
    if (fault === 'drop') return dropConnection(req);
    if (fault === 'skew') {
      const {requestTime, serverTime} = skewedTimes(req.headers['x-amz-date'] as string | undefined);
      return sendError(res, signatureExpired(requestTime, serverTime), id);
    }
    if (fault) return sendError(res, FAULT_ERRORS[fault], id);

    const verified = await verifySigV4(req, users(), {service: 'sts', body});
    if (!verified.ok) {
      const skewed = verified.code === 'RequestTimeTooSkewed';
      return sendError(res, skewed ? signatureExpired(new Date(String(verified.facts?.['requestTime'])), new Date()) : AUTH_ERRORS[verified.code], id);
    }
    if (action !== 'GetCallerIdentity') {
      return sendError(
        res,
        {
          status: 400,
          type: 'Sender',
          code: 'InvalidAction',
          message: `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
        },
        id,
      );
    }
    const identity = callerIdentity(verified.value.user);
    const result = xmlFields({Arn: identity.arn, UserId: identity.userId, Account: identity.account});
    send(
      res,
      200,
      `<GetCallerIdentityResponse xmlns="${NS}">\n  <GetCallerIdentityResult>${result}</GetCallerIdentityResult>\n  <ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
      id,
    );
  }
}
