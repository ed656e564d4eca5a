/**
 * Fault injection for tests and demos (set through /__sandbox/faults, never by the console or the extension):
 * latency on every API answer, the next N matching requests failing with a status, or never answering.
 */
export interface FailRule {
  status: number;
  code?: string;
  message?: string;
  count?: number;
  /** Substring of the path after /api; any path when absent. */
  path?: string;
  method?: string;
}

export interface TimeoutRule {
  count?: number;
  path?: string;
  method?: string;
}

export interface FaultSettings {
  latencyMs?: number;
  failNext?: FailRule | FailRule[];
  timeoutNext?: TimeoutRule | TimeoutRule[];
  /** 401 answers as the servlet's HTML page instead of JSON (seen on some real installs). */
  htmlUnauthorized?: boolean;
}

interface Pending<T> {
  rule: T;
  left: number;
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export class Faults {
  latencyMs = 0;
  htmlUnauthorized = false;
  private fails: Pending<FailRule>[] = [];
  private timeouts: Pending<TimeoutRule>[] = [];

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  configure(settings: FaultSettings): void {
    if (typeof settings.latencyMs === 'number') this.latencyMs = Math.max(0, settings.latencyMs);
    if (typeof settings.htmlUnauthorized === 'boolean') this.htmlUnauthorized = settings.htmlUnauthorized;
    this.fails.push(...asList(settings.failNext).map((rule) => ({rule, left: rule.count ?? 1})));
    this.timeouts.push(...asList(settings.timeoutNext).map((rule) => ({rule, left: rule.count ?? 1})));
  }

  reset(latencyMs = 0): void {
    this.latencyMs = latencyMs;
    this.htmlUnauthorized = false;
    this.fails = [];
    this.timeouts = [];
  }

  takeFailure(method: string, path: string): FailRule | undefined {
    return take(this.fails, method, path);
  }

  takeTimeout(method: string, path: string): TimeoutRule | undefined {
    return take(this.timeouts, method, path);
  }
}

function take<T extends {path?: string; method?: string}>(pending: Pending<T>[], method: string, path: string): T | undefined {
  const hit = pending.find(({rule, left}) => left > 0 && (!rule.path || path.includes(rule.path)) && (!rule.method || rule.method.toUpperCase() === method));
  if (!hit) return undefined;
  hit.left -= 1;
  return hit.rule;
}
