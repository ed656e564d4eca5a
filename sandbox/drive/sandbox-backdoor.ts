/**
 * The test process's view of the simulated Abiquo API through its /__sandbox back door: what the API holds,
 * faults to inject, changes "made by someone else", expired sessions. Never through the browser.
 */
import type {FaultSettings} from '../abiquo/faults.ts';
import type {ElsewhereRecord} from '../elsewhere.ts';
import type {Sandbox} from '../server.ts';

export type {RedirectRule} from '../abiquo/faults.ts';
export type {ElsewhereRecord, ElsewhereRequest} from '../elsewhere.ts';

export interface BackdoorCredential {
  readonly provider: string;
  readonly access: string;
  readonly keySha256: string;
  readonly flags: Readonly<Record<string, boolean>>;
}

export interface BackdoorEnterprise {
  readonly id: number;
  readonly name: string;
  readonly keyNode: boolean;
  readonly defaultScopeId: number | null;
  readonly properties: Readonly<Record<string, string>>;
  readonly credentials: readonly BackdoorCredential[];
  readonly pricingCredentials: readonly BackdoorCredential[];
  /** Optimistic-locking versions: they move with every accepted write. */
  readonly versions: Readonly<Record<string, number>>;
}

/** A write request (POST, PUT, DELETE) the API received, whatever it answered. */
export interface BackdoorWrite {
  readonly method: string;
  /** After `/api`, without the query. */
  readonly path: string;
  readonly status: number;
}

async function call<T>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.origin}/__sandbox${path}`, {
    method,
    ...(body === undefined ? {} : {headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}),
  });
  if (!response.ok) throw new Error(`sandbox back door ${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const readBackdoorState = (sandbox: Sandbox, enterpriseId: number) => call<BackdoorEnterprise>(sandbox, 'GET', `/state/enterprises/${enterpriseId}`);
export const readAllEnterprises = (sandbox: Sandbox) => call<BackdoorEnterprise[]>(sandbox, 'GET', '/state/enterprises');
/** Someone else replaces the enterprise's properties (the version moves on). */
export const putPropertiesAsSomeoneElse = (sandbox: Sandbox, enterpriseId: number, properties: Record<string, string>) =>
  call<BackdoorEnterprise>(sandbox, 'PUT', `/state/enterprises/${enterpriseId}/properties`, {properties});
/** Every write request the API received since the last reset, in order. */
export const readApiWrites = (sandbox: Sandbox) => call<BackdoorWrite[]>(sandbox, 'GET', '/writes');
export const injectFaults = (sandbox: Sandbox, faults: FaultSettings) => call<void>(sandbox, 'POST', '/faults', faults);
export const clearFaults = (sandbox: Sandbox) => call<void>(sandbox, 'DELETE', '/faults');
export const expireSessions = (sandbox: Sandbox) => call<{expired: number}>(sandbox, 'POST', '/sessions/expire');
/** Back to the scenario's initial state (enterprises, properties, credentials). */
export const resetSandbox = (sandbox: Sandbox) => call<void>(sandbox, 'POST', '/reset');
/**
 * What the sandbox's elsewhere origin (`sandbox.elsewhereOrigin`, where `redirectNext` faults point) received since
 * the last reset: every non-OPTIONS request (method, path with query, lower-cased headers, body text) and the number
 * of CORS preflights.
 */
export const readElsewhere = (sandbox: Sandbox) => call<ElsewhereRecord>(sandbox, 'GET', '/elsewhere');
