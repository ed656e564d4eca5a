/**
 * How far one preview got, told at most ten times a second (a chunk comes every few milliseconds, and each telling
 * re-renders the page) and once more at the end.
 */
import type {PreviewProgress} from './types.ts';

const INTERVAL_MS = 100;
// Over the first second the rate is mostly the requests' latency: no estimate before.
const ESTIMATE_AFTER_MS = 1000;

export class ProgressMeter {
  private bytesRead = 0;
  private rows = 0;
  private toldAt = Number.NEGATIVE_INFINITY;
  private readonly started = performance.now();

  constructor(
    private readonly bytesTotal: number | undefined,
    private readonly onProgress: ((progress: PreviewProgress) => void) | undefined,
  ) {}

  bytes(count: number): void {
    this.bytesRead += count;
    this.tellNow();
  }

  rowsRead(rows: number): void {
    this.rows = rows;
    this.tellNow();
  }

  /** The last figures, told whatever the time since the previous telling. */
  finish(): PreviewProgress {
    const progress = this.progress(performance.now());
    this.onProgress?.(progress);
    return progress;
  }

  private tellNow(): void {
    const now = performance.now();
    if (!this.onProgress || now - this.toldAt < INTERVAL_MS) return;
    this.toldAt = now;
    this.onProgress(this.progress(now));
  }

  private progress(now: number): PreviewProgress {
    const elapsedMs = now - this.started;
    const {bytesRead, bytesTotal, rows} = this;
    const estimable = bytesTotal !== undefined && bytesRead > 0 && elapsedMs >= ESTIMATE_AFTER_MS;
    return {
      bytesRead,
      ...(bytesTotal !== undefined ? {bytesTotal} : {}),
      rows,
      elapsedMs,
      ...(estimable ? {remainingMs: Math.max(0, (elapsedMs * (bytesTotal - bytesRead)) / bytesRead)} : {}),
    };
  }
}
