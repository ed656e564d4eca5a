/**
 * Fault injection and request counting shared by the S3, STS and CUR endpoints: one queue of failures, consumed by
 * whichever endpoint receives the next request, and one latency applied to every request.
 */
import {setTimeout as sleep} from 'node:timers/promises';
import {parseAmzDate} from './sigv4-verify.ts';

/**
 * `skew` answers as AWS does to a request signed more than 15 minutes off its clock, with the server time
 * {@link SKEW_MS} after the request's (and so in the `Date` header): the SDK corrects its clock offset from it and
 * retries, so a skew that outlasts the SDK needs one fault per attempt.
 */
export type FaultKind = 'slowdown' | 'drop' | '500' | 'skew';

/** How far AWS's clock is ahead of the request in a `skew` answer. */
export const SKEW_MS = 20 * 60 * 1000;

/** The request's signing time (`x-amz-date`) and the later server time a `skew` answer names. */
export function skewedTimes(amzDate: string | undefined): {requestTime: Date; serverTime: Date} {
  const requestTime = parseAmzDate(amzDate) ?? new Date();
  return {requestTime, serverTime: new Date(requestTime.getTime() + SKEW_MS)};
}

export interface AwsFaults {
  /** Added before every response, in milliseconds. */
  latencyMs: number;
  failNext(kind: FaultKind, count?: number): void;
  reset(): void;
}

export interface AwsStats {
  requests: number;
  byOperation: Record<string, number>;
}

export interface FaultControl extends AwsFaults {
  /** Waits the configured latency, then returns the fault this request must suffer, if any. */
  beforeResponse(): Promise<FaultKind | undefined>;
}

export function createFaults(latencyMs = 0): FaultControl {
  const queue: FaultKind[] = [];
  return {
    latencyMs,
    failNext(kind, count = 1) {
      for (let i = 0; i < count; i++) queue.push(kind);
    },
    reset() {
      queue.length = 0;
      this.latencyMs = 0;
    },
    async beforeResponse() {
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      return queue.shift();
    },
  };
}

/** The counters, and the function the endpoints call once per received request. */
export function createStats(): {stats: AwsStats; count: (operation: string) => void} {
  const stats: AwsStats = {requests: 0, byOperation: {}};
  return {
    stats,
    count(operation) {
      stats.requests++;
      stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
    },
  };
}
