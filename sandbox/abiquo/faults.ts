/**
 * Fault injection for tests and demos (set through /__sandbox/faults, never by the console or the extension):
 * latency on every API answer, the next N matching requests failing with a status, never answering, having
 * their connection dropped (before or after the write is done), or being redirected (as an SSO or reverse proxy in
 * front of the API would do it).
 */
export interface FailRule {
  status: number;
  code?: string;
  message?: string;
  count?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Substring of the path after /api; any path when absent. */
  path?: string;
  method?: string;
}

export interface TimeoutRule {
  count?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  path?: string;
  method?: string;
}

/**
 * The next N matching requests lose their connection: before anything is done, or (`afterWrite`) once the request
 * has been carried out, so the client never learns that it was (a proxy or network failing on the way back).
 */
export interface DropRule {
  count?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  path?: string;
  method?: string;
  afterWrite?: boolean;
}

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

export const REDIRECT_STATUSES: readonly RedirectStatus[] = [301, 302, 303, 307, 308];

/**
 * The next N matching API requests are answered with `status` and a `Location` header, before authentication
 * (a proxy in front of the API answers). Without `location`: the sandbox's "elsewhere" origin, same path and query.
 */
export interface RedirectRule {
  status: RedirectStatus;
  location?: string;
  count?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Substring of the path after /api; any path when absent. */
  path?: string;
  method?: string;
}

export interface FaultSettings {
  latencyMs?: number;
  failNext?: FailRule | FailRule[];
  timeoutNext?: TimeoutRule | TimeoutRule[];
  redirectNext?: RedirectRule | RedirectRule[];
  dropNext?: DropRule | DropRule[];
  /** 401 answers as the servlet's HTML page instead of JSON (seen on some real installs). */
  htmlUnauthorized?: boolean;
}

interface Pending<T> {
  rule: T;
  left: number;
  skip: number;
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export class Faults {
  latencyMs = 0;
  htmlUnauthorized = false;
  private fails: Pending<FailRule>[] = [];
  private timeouts: Pending<TimeoutRule>[] = [];
  private redirects: Pending<RedirectRule>[] = [];
  private drops: Pending<DropRule>[] = [];

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  /** Throws a RangeError (and changes nothing) when a redirect rule is malformed. */
  configure(settings: FaultSettings): void {
    const redirects = asList(settings.redirectNext);
    for (const rule of redirects) {
      if (!REDIRECT_STATUSES.includes(rule.status))
        throw new RangeError(`redirectNext: status must be one of ${REDIRECT_STATUSES.join(', ')}, not ${String(rule.status)}`);
      if (rule.location !== undefined && typeof rule.location !== 'string') throw new RangeError('redirectNext: location must be a string');
    }
    if (typeof settings.latencyMs === 'number') this.latencyMs = Math.max(0, settings.latencyMs);
    if (typeof settings.htmlUnauthorized === 'boolean') this.htmlUnauthorized = settings.htmlUnauthorized;
    this.fails.push(...asList(settings.failNext).map((rule) => ({rule, left: rule.count ?? 1, skip: rule.skip ?? 0})));
    this.timeouts.push(...asList(settings.timeoutNext).map((rule) => ({rule, left: rule.count ?? 1, skip: rule.skip ?? 0})));
    this.redirects.push(...redirects.map((rule) => ({rule, left: rule.count ?? 1, skip: rule.skip ?? 0})));
    this.drops.push(...asList(settings.dropNext).map((rule) => ({rule, left: rule.count ?? 1, skip: rule.skip ?? 0})));
  }

  reset(latencyMs = 0): void {
    this.latencyMs = latencyMs;
    this.htmlUnauthorized = false;
    this.fails = [];
    this.timeouts = [];
    this.redirects = [];
    this.drops = [];
  }

  takeFailure(method: string, path: string): FailRule | undefined {
    return take(this.fails, method, path);
  }

  takeTimeout(method: string, path: string): TimeoutRule | undefined {
    return take(this.timeouts, method, path);
  }

  takeRedirect(method: string, path: string): RedirectRule | undefined {
    return take(this.redirects, method, path);
  }

  takeDrop(method: string, path: string): DropRule | undefined {
    return take(this.drops, method, path);
  }
}

function take<T extends {path?: string; method?: string}>(pending: Pending<T>[], method: string, path: string): T | undefined {
  const hit = pending.find(({rule, left}) => left > 0 && (!rule.path || path.includes(rule.path)) && (!rule.method || rule.method.toUpperCase() === method));
  if (!hit) return undefined;
  if (hit.skip > 0) {
    hit.skip -= 1;
    return undefined;
  }
  hit.left -= 1;
  return hit.rule;
}
