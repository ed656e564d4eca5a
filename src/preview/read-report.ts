/**
 * Reads a period's report files one after the other, each streamed end to end (download → decompression → CSV →
 * sums) so that no file is ever held whole, and says what the period cost. Runtime-neutral: an extension page or
 * Node. An abort stops the reading at once, even while a download is waiting for bytes.
 */
import {redact} from '../shared/mask.ts';
import {err, ok, type Result} from '../shared/result.ts';
import {costColumns, PeriodCosts, type CostColumns} from './aggregate.ts';
import {csvRows, type Utf8Decoder} from './csv-rows.ts';
import {decompressed, type Decompressor} from './decompress.ts';
import {PreviewError} from './preview-error.ts';
import {ProgressMeter} from './progress-meter.ts';
import type {BillingPreview, CostBasis, PreviewFailureCode, PreviewProgress, ReportFile, ReportSource} from './types.ts';

export interface ReadReportOptions {
  readonly basis: CostBasis;
  readonly signal?: AbortSignal;
  /** At most ten times a second while reading, and once at the end of a reading that succeeded. */
  readonly onProgress?: (progress: PreviewProgress) => void;
  /** GZIP's decompressor; by default the platform's DecompressionStream (Node callers give zlib's: cli/node-gunzip.ts). */
  readonly gunzip?: () => Decompressor;
  /** UTF-8's decoder; by default the platform's TextDecoder (Node callers give StringDecoder: cli/node-utf8.ts). */
  readonly utf8?: () => Utf8Decoder;
}

type Failed = Result<never, PreviewFailureCode>;

const cancelled = (): Failed => err('PREVIEW_CANCELLED');

export async function readReport(source: ReportSource, options: ReadReportOptions): Promise<Result<BillingPreview, PreviewFailureCode>> {
  const {basis, onProgress} = options;
  const signal = options.signal ?? new AbortController().signal;
  const sizes = source.files.map((file) => file.size);
  const bytesTotal = sizes.every((size) => size !== undefined) ? sizes.reduce((a, b) => a + b, 0) : undefined;
  const reading: Reading = {
    basis,
    gunzip: options.gunzip,
    utf8: options.utf8,
    signal,
    meter: new ProgressMeter(bytesTotal, onProgress),
    costs: new PeriodCosts(),
    breathe: breather(),
  };
  for (const file of source.files) {
    const failed = await readFile(file, source, reading);
    if (failed) return failed;
  }
  if (signal.aborted) return cancelled();
  if (reading.costs.rows === 0) return err('PREVIEW_NO_DATA', {period: source.period});
  const {bytesRead, elapsedMs} = reading.meter.finish();
  return ok({period: source.period, basis, ...reading.costs.result(), bytes: bytesRead, elapsedMs});
}

interface Reading {
  readonly basis: CostBasis;
  readonly gunzip: (() => Decompressor) | undefined;
  readonly utf8: (() => Utf8Decoder) | undefined;
  readonly signal: AbortSignal;
  readonly meter: ProgressMeter;
  readonly costs: PeriodCosts;
  readonly breathe: () => Promise<void>;
}

/** Adds one file's rows to the period's costs; a failure ends the whole reading (a partial total would mislead). */
async function readFile(file: ReportFile, source: ReportSource, reading: Reading): Promise<Failed | undefined> {
  const {signal, meter, costs} = reading;
  if (signal.aborted) return cancelled();
  let body: ReadableStream<Uint8Array>;
  try {
    body = await file.open(signal);
  } catch (error) {
    return failure(error, file, signal);
  }
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        meter.bytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  let columns: CostColumns | undefined;
  try {
    for await (const batch of csvRows(decompressed(counted, source.compression, reading.gunzip), signal, reading.utf8)) {
      let first = 0;
      if (!columns) {
        const found = costColumns(batch[0]!, reading.basis);
        // Leaving the loop cancels the download: the rest of the file cannot be read anyway.
        if (!found.ok) return err(found.code, {key: file.key, ...found.facts});
        columns = found.value;
        first = 1;
      }
      for (let i = first; i < batch.length; i++) costs.add(batch[i]!, columns);
      meter.rowsRead(costs.rows);
      await reading.breathe();
    }
  } catch (error) {
    return failure(error, file, signal);
  }
  return signal.aborted ? cancelled() : undefined;
}

/** A PreviewError says what it is; anything else (a reset connection, a source's own error) is a read that failed. */
function failure(error: unknown, file: ReportFile, signal: AbortSignal): Failed {
  if (signal.aborted) return cancelled();
  if (error instanceof PreviewError) return err(error.code, {key: file.key, ...error.facts});
  // The platform's words for it ("terminated", "ECONNRESET"): the operator's first clue, redacted like every reason shown.
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return err('PREVIEW_READ_FAILED', {key: file.key, error: redact(reason.slice(0, 120))});
}

const BREATH_EVERY_MS = 50;

/**
 * A body already in memory (a cache, a test) decompresses and parses in promise callbacks only, which never let
 * the page handle an event: every 50 ms of such work the reading gives the page a turn, so that it stays
 * responsive and a Cancel click is heard.
 */
function breather(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < BREATH_EVERY_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}
