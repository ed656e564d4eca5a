/**
 * The simulated Abiquo API (`/api/...`): routing, faults, authentication, media types and error bodies around the
 * resource routes. One instance holds one world (Store) built from a scenario; `reset()` rebuilds it.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {ASSUMED} from './assumptions.ts';
import {credentialsRoutes} from './credentials.ts';
import {enterpriseRoutes} from './enterprises.ts';
import {ApiError, badRequest, errorBody} from './errors.ts';
import {Faults} from './faults.ts';
import type {Ctx, Reply, Route} from './http.ts';
import {API} from './http.ts';
import {hypervisorTypeRoutes} from './hypervisor-types.ts';
import {loginRoutes} from './login.ts';
import {propertiesRoutes} from './properties.ts';
import {checkContentType, negotiate, vendorType} from './media-types.ts';
import type {AbiquoScenario} from './scenario-types.ts';
import {scopeRoutes} from './scopes.ts';
import type {Session} from './sessions.ts';
import {Sessions, authenticate, basicUser, sessionHeaders} from './sessions.ts';
import {Store} from './store.ts';

const ROUTES: readonly Route[] = [...loginRoutes, ...enterpriseRoutes, ...propertiesRoutes, ...credentialsRoutes, ...scopeRoutes, ...hypervisorTypeRoutes];

/** [C] Sent with every 401, JSON or HTML (Abiquo's Basic login module; docs/console-compatibility.md #11). */
const BASIC_CHALLENGE = {'WWW-Authenticate': 'Basic realm="Abiquo"'};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface AbiquoApiOptions {
  latencyMs?: number;
  /** Where a `redirectNext` fault without `location` points (same path and query): the sandbox's elsewhere origin. */
  elsewhereOrigin?: string;
}

export class AbiquoApi {
  store: Store;
  sessions = new Sessions();
  readonly faults: Faults;
  /** Every write request (POST, PUT, DELETE) since the last reset and what it was answered, for the back door. */
  writes: {method: string; path: string; status: number}[] = [];

  constructor(
    private readonly scenario: AbiquoScenario,
    private readonly options: AbiquoApiOptions = {},
  ) {
    this.store = new Store(scenario);
    this.faults = new Faults(options.latencyMs);
  }

  /** Back to the scenario's initial world: state, sessions and faults. */
  reset(): void {
    this.store = new Store(this.scenario);
    this.sessions = new Sessions();
    this.faults.reset(this.options.latencyMs);
    this.writes = [];
  }

  /** Answers a request whose path starts with /api. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const path = url.pathname.slice(API.length) || '/';
    const method = req.method ?? 'GET';
    let session: Session | undefined;
    let version = this.store.currentVersion;
    if (method !== 'GET') res.once('finish', () => this.writes.push({method, path, status: res.statusCode}));
    try {
      if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
      // A proxy in front of the API answers before it: before the other faults and before authentication.
      const redirect = this.faults.takeRedirect(method, path);
      if (redirect) {
        const location = redirect.location ?? this.elsewhere(url);
        req.resume(); // the body is not read, as a proxy that redirects would not
        res.writeHead(redirect.status, {Location: location, 'Content-Length': '0'}).end();
        return;
      }
      if (this.faults.takeTimeout(method, path)) return; // never answers; the server closes the socket on shutdown
      const drop = this.faults.takeDrop(method, path);
      if (drop && !drop.afterWrite) return void req.socket.destroy();
      const failure = this.faults.takeFailure(method, path);
      if (failure) throw new ApiError(failure.status, failure.code ?? `${failure.status}-INJECTED`, failure.message ?? 'Injected failure');
      const {route, params} = this.match(method, path);
      const basic = route.login && req.headers.authorization?.toLowerCase().startsWith('basic ');
      session = basic ? this.sessions.create(basicUser(this.store, req.headers.authorization)) : authenticate(req, this.store, this.sessions);
      const user = this.store.users.get(session.userId);
      if (!user) throw new ApiError(401, ASSUMED.codes.unauthorized, 'The user no longer exists');
      const negotiated = negotiate(req.headers.accept, route.produces, this.store.currentVersion);
      version = negotiated.version;
      let body: unknown;
      if (route.consumes) {
        checkContentType(req.headers['content-type'], route.consumes);
        const text = await readBody(req);
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          throw badRequest(ASSUMED.codes.badRequest, 'The request body is not valid JSON');
        }
      }
      const base = this.store.linkBase ?? `${url.origin}${API}`;
      const ctx: Ctx = {store: this.store, req, url, base, params, session, user, version, body};
      const reply = await route.handle(ctx);
      if (drop) {
        // Done, but the answer never leaves: record the write as done (no status reached anyone).
        if (method !== 'GET') this.writes.push({method, path, status: 0});
        return void req.socket.destroy();
      }
      this.send(res, reply, negotiated.name, version, session);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401 && this.faults.htmlUnauthorized) {
        res
          .writeHead(401, {...BASIC_CHALLENGE, 'Content-Type': 'text/html;charset=utf-8'})
          .end('<html><body><h1>HTTP Status 401 - Unauthorized</h1></body></html>');
        return;
      }
      const headers = error.status === 401 ? BASIC_CHALLENGE : {};
      this.send(res, {status: error.status, type: 'errors', body: errorBody(error.code, error.message), headers}, 'errors', version, session);
    }
  }

  private elsewhere(url: URL): string {
    if (!this.options.elsewhereOrigin) throw new Error('A redirectNext fault without location needs the elsewhere origin (startSandbox sets it)');
    return `${this.options.elsewhereOrigin}${url.pathname}${url.search}`;
  }

  private match(method: string, path: string): {route: Route; params: string[]} {
    let pathMatched = false;
    for (const route of ROUTES) {
      const m = route.path.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method === method) return {route, params: m.slice(1).map((p) => p ?? '')};
    }
    if (pathMatched) throw new ApiError(405, ASSUMED.codes.methodNotAllowed, `Method ${method} is not allowed here`);
    throw new ApiError(404, ASSUMED.codes.notFound, 'The requested resource does not exist');
  }

  private send(res: ServerResponse, reply: Reply, negotiated: string, version: string, session: Session | undefined): void {
    const headers: Record<string, string | string[]> = {...(session ? sessionHeaders(session) : {}), ...reply.headers};
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    headers['Content-Type'] = vendorType(reply.type ?? negotiated, version);
    res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
  }
}
