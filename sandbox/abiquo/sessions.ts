/**
 * Console sessions: the `auth` cookie (HttpOnly, SameSite=Strict, refreshed on every answer) and the same token in
 * `X-Abiquo-Token` (accepted back as `Authorization: Token …`). Each session also remembers which version of an
 * entity it last read, for 409-CONFLICT-StaleObject.
 */
import {randomBytes} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {stale, unauthorized} from './errors.ts';
import type {Store, User} from './store.ts';

export const SESSION_SECONDS = 1800;

export interface Session {
  token: string;
  userId: number;
  expiresAt: number;
  reads: Map<string, number>;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();

  create(user: User): Session {
    const session = {token: randomBytes(24).toString('base64url'), userId: user.id, expiresAt: 0, reads: new Map<string, number>()};
    this.byToken.set(session.token, session);
    return this.touch(session);
  }

  touch(session: Session): Session {
    session.expiresAt = Date.now() + SESSION_SECONDS * 1000;
    return session;
  }

  find(token: string | undefined): Session | undefined {
    const session = token ? this.byToken.get(token) : undefined;
    if (session && session.expiresAt < Date.now()) this.byToken.delete(session.token);
    return session && session.expiresAt >= Date.now() ? session : undefined;
  }

  end(session: Session): void {
    this.byToken.delete(session.token);
  }

  /** Makes every session expire now (what a 30-minute idle does). */
  expireAll(): number {
    const count = this.byToken.size;
    this.byToken.clear();
    return count;
  }
}

export function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** The user named by `Authorization: Basic`, or 401. */
export function basicUser(store: Store, authorization: string | undefined): User {
  const [scheme, value = ''] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic') throw unauthorized();
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = store.userByNick(decoded.slice(0, colon));
  if (colon < 0 || !user || user.password !== decoded.slice(colon + 1) || !user.active) throw unauthorized();
  return user;
}

/** The session of a request: cookie, then `Authorization: Token`, then Basic (which opens a new session). */
export function authenticate(req: IncomingMessage, store: Store, sessions: Sessions): Session {
  const authorization = req.headers.authorization;
  const token = authorization?.startsWith('Token ') ? authorization.slice(6).trim() : cookieOf(req, 'auth');
  const session = sessions.find(token);
  if (session && store.users.get(session.userId)?.active) return sessions.touch(session);
  if (authorization?.toLowerCase().startsWith('basic ')) return sessions.create(basicUser(store, authorization));
  throw unauthorized();
}

export function sessionHeaders(session: Session): Record<string, string | string[]> {
  const expires = new Date(session.expiresAt).toUTCString();
  return {
    'Set-Cookie': [`auth=${session.token}; Expires=${expires}; Path=/; HttpOnly; SameSite=Strict`],
    'X-Abiquo-Token': session.token,
  };
}

/** Remembers that this session has seen `version` of `entity`. */
export function recordRead(session: Session, entity: string, version: number): void {
  session.reads.set(entity, version);
}

/** 409 when someone else wrote `entity` after this session last read it (ASSUMED.staleWritesPerSession). */
export function checkFresh(session: Session, store: Store, entity: string): void {
  if (!store.staleWriteCheck) return; // a last-write-wins server
  const seen = session.reads.get(entity);
  if (seen !== undefined && seen < store.version(entity)) throw stale();
}
