/**
 * `/__sandbox/...`: the test process's back door (faults, raw state, changes "made by someone else", session
 * expiry, what the elsewhere origin received, reset). Refused to anything that looks like a browser page (`Origin`
 * or `Sec-Fetch-Site` header), so neither the console nor the extension can reach it.
 */
import {createHash} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Elsewhere} from '../elsewhere.ts';
import type {AbiquoApi} from './api.ts';
import {readBody} from './api.ts';
import type {FaultSettings} from './faults.ts';
import {replaceProperties} from './properties.ts';
import type {Credential} from './store.ts';
import {entityKey} from './store.ts';

export const ADMIN_PREFIX = '/__sandbox';

function json(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, {'Content-Type': 'application/json'}).end(JSON.stringify(body));
}

/** Plaintext key ID for assertions; the secret only as a fingerprint. */
const rawCredential = (c: Credential) => ({
  id: c.id,
  provider: c.provider,
  access: c.access,
  keySha256: createHash('sha256').update(c.key).digest('hex'),
  flags: c.flags,
});

function rawEnterprise(api: AbiquoApi, id: number) {
  const e = api.store.enterprises.get(id);
  if (!e) return undefined;
  const {store} = api;
  return {
    id: e.id,
    handle: e.handle,
    name: e.name,
    reseller: e.reseller,
    keyNode: e.keyNode,
    defaultScopeId: e.defaultScopeId ?? null,
    properties: e.properties,
    propertyTypes: e.propertyTypes,
    credentials: store.credentialsOf('public', id).map(rawCredential),
    pricingCredentials: store.credentialsOf('pricing', id).map(rawCredential),
    versions: {enterprise: store.version(entityKey.enterprise(id)), properties: store.version(entityKey.properties(id))},
  };
}

/** `elsewhere`: the sandbox's second origin, for `GET /__sandbox/elsewhere` and for `reset` to clear. */
export async function handleAdmin(api: AbiquoApi, req: IncomingMessage, res: ServerResponse, elsewhere?: Pick<Elsewhere, 'record' | 'clear'>): Promise<void> {
  if (req.headers.origin || req.headers['sec-fetch-site']) return json(res, 403, {error: 'The sandbox admin endpoints are for the test process only'});
  const path = new URL(req.url ?? '/', 'http://x').pathname.slice(ADMIN_PREFIX.length);
  const method = req.method ?? 'GET';
  const text = method === 'GET' ? '' : await readBody(req);
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const enterprise = /^\/state\/enterprises\/(\d+)(\/properties)?$/.exec(path);

  if (path === '/faults' && method === 'POST') {
    try {
      api.faults.configure(body as FaultSettings);
    } catch (error) {
      if (error instanceof RangeError) return json(res, 400, {error: error.message});
      throw error;
    }
    return json(res, 204);
  }
  if (path === '/faults' && method === 'DELETE') {
    api.faults.reset();
    return json(res, 204);
  }
  if (path === '/reset' && method === 'POST') {
    api.reset();
    elsewhere?.clear();
    return json(res, 204);
  }
  if (path === '/elsewhere' && method === 'GET')
    return elsewhere ? json(res, 200, elsewhere.record()) : json(res, 404, {error: 'No elsewhere origin in this sandbox'});
  if (path === '/writes' && method === 'GET') return json(res, 200, api.writes);
  if (path === '/sessions/expire' && method === 'POST') return json(res, 200, {expired: api.sessions.expireAll()});
  if (path === '/state/enterprises' && method === 'GET')
    return json(
      res,
      200,
      [...api.store.enterprises.keys()].map((id) => rawEnterprise(api, id)),
    );
  if (enterprise && !enterprise[2] && method === 'GET') {
    const raw = rawEnterprise(api, Number(enterprise[1]));
    return raw ? json(res, 200, raw) : json(res, 404, {error: 'No such enterprise'});
  }
  if (enterprise?.[2] && method === 'PUT') {
    // Someone else replaces the properties: the version moves on, so sessions that read before get 409.
    const e = api.store.enterprises.get(Number(enterprise[1]));
    if (!e) return json(res, 404, {error: 'No such enterprise'});
    replaceProperties(e, {...(body.properties as Record<string, string>)});
    api.store.bump(entityKey.properties(e.id));
    return json(res, 200, rawEnterprise(api, e.id));
  }
  return json(res, 404, {error: `No sandbox endpoint ${method} ${path}`});
}
