/**
 * Counts the HTTP requests (every attempt, retries included) and the sequential round trips on the critical
 * path: a request's depth is 1 + the deepest request that had finished before it started, so requests sent
 * in parallel share a depth. Used by the verdict (`requests`), the benchmark and support output.
 */
export interface RequestRecord {
  readonly operation: string;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
}

export class RequestMeter {
  readonly records: RequestRecord[] = [];
  #inFlight = 0;
  maxConcurrency = 0;

  get requests(): number {
    return this.records.length;
  }

  /** Sequential round trips: the depth of the deepest request. */
  get roundTrips(): number {
    return this.records.reduce((max, r) => Math.max(max, r.depth), 0);
  }

  async measure<T>(operation: string, send: () => Promise<T>): Promise<T> {
    const start = performance.now();
    this.#inFlight++;
    this.maxConcurrency = Math.max(this.maxConcurrency, this.#inFlight);
    try {
      return await send();
    } finally {
      this.#inFlight--;
      const end = performance.now();
      const before = this.records.filter((r) => r.end <= start).reduce((max, r) => Math.max(max, r.depth), 0);
      this.records.push({operation, start, end, depth: before + 1});
    }
  }
}
