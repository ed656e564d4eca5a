/**
 * Fault injection and request counting shared by the S3 and STS endpoints: one queue of failures, consumed by
 * whichever endpoint receives the next request, and one latency applied to every request.
 */
import {setTimeout as sleep} from 'node:timers/promises';

export type FaultKind = 'slowdown' | 'drop' | '500';

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
