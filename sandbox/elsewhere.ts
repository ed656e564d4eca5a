/**
 * "Elsewhere": a second loopback origin that stands for a host the console API redirects to (an SSO login page, a
 * reverse proxy's other side, a hostile target). It answers everything, preflights included, with 200 `{}`, lets
 * every CORS request through (as a hostile target would), and records what it receives so tests can prove that
 * nothing (a credentials body above all) was sent there. Read through the back door: `GET /__sandbox/elsewhere`.
 */
import {createServer} from 'node:http';
import type {IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';

/** A non-OPTIONS request the elsewhere origin received. */
export interface ElsewhereRequest {
  readonly method: string;
  /** With the query, as sent (`/api/admin/enterprises/42/credentials?x=1`). */
  readonly path: string;
  /** Lower-cased names; a header sent more than once is joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text (empty when there was none). */
  readonly body: string;
}

export interface ElsewhereRecord {
  readonly received: readonly ElsewhereRequest[];
  /** OPTIONS requests (CORS preflights) answered; they are not in `received`. */
  readonly preflights: number;
}

export interface Elsewhere {
  /** `http://127.0.0.1:<port>`: another origin than the console's. */
  readonly origin: string;
  /** What it received since it started or was last cleared (a copy). */
  record(): ElsewhereRecord;
  clear(): void;
  close(): Promise<void>;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const value = req.rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Whatever the page asks for, allowed: the Origin echoed, credentials allowed, any method and header. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': req.headers['access-control-request-method'] ?? 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
    'Access-Control-Expose-Headers': '*',
    'Access-Control-Max-Age': '0',
    ...(req.headers['access-control-request-private-network'] ? {'Access-Control-Allow-Private-Network': 'true'} : {}),
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}

export async function startElsewhere(): Promise<Elsewhere> {
  let received: ElsewhereRequest[] = [];
  let preflights = 0;
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const answer = () => res.writeHead(200, {...corsHeaders(req), 'Content-Type': 'application/json'}).end('{}');
    if (method === 'OPTIONS') {
      preflights += 1;
      req.resume();
      answer();
      return;
    }
    const entry = {method, path: req.url ?? '/', headers: headersOf(req)};
    bodyOf(req).then(
      (body) => {
        received.push({...entry, body});
        answer();
      },
      (error: unknown) => {
        // The client went away mid-body: still record what it started to send.
        received.push({...entry, body: ''});
        console.error('[sandbox elsewhere]', error instanceof Error ? error.message : error);
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    record: () => ({received: received.map((r) => ({...r, headers: {...r.headers}})), preflights}),
    clear() {
      received = [];
      preflights = 0;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
