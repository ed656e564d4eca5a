/**
 * A report file's CSV bytes, decompressed as the compressed bytes arrive: GZIP by the platform's
 * `DecompressionStream`, ZIP by fflate's streaming `Unzip` (the first `.csv` entry). A file that cannot be
 * decompressed errors the stream with a PreviewError (PREVIEW_CORRUPT or PREVIEW_TRUNCATED); an error of the body
 * itself (the network) passes through as it is. Cancelling the result cancels the body.
 */
import {Unzip, UnzipInflate} from 'fflate';
import type {Compression} from '../aws/types.ts';
import {PreviewError} from './preview-error.ts';

/** A transform from compressed bytes to the file's bytes, as DecompressionStream is. */
export interface Decompressor {
  readonly writable: WritableStream<Uint8Array<ArrayBuffer>>;
  readonly readable: ReadableStream<Uint8Array>;
}

/** What a decompressor's error means, knowing whether the whole input had been handed over when it came. */
type Classify = (error: unknown, inputEnded: boolean) => PreviewError;

/** The platform's GZIP decompressor: the browser's DecompressionStream (Node's too, unless a faster one is given). */
export const platformGunzip = (): Decompressor => new DecompressionStream('gzip');

export function decompressed(
  body: ReadableStream<Uint8Array>,
  compression: Compression,
  gunzip: () => Decompressor = platformGunzip,
): ReadableStream<Uint8Array> {
  return compression === 'GZIP' ? through(body, gunzip(), gzipFailure) : through(body, firstCsvEntry(), zipFailure);
}

/**
 * Node's zlib names its failure (Z_BUF_ERROR: the input stopped early; Z_DATA_ERROR: it is not what it claims).
 * Browsers throw a bare TypeError, but theirs is a true TransformStream: corrupt data fails the write that carried
 * it, while input that stops early fails only the close, once every write has gone through.
 */
function gzipFailure(error: unknown, inputEnded: boolean): PreviewError {
  const code = zlibCode(error) ?? zlibCode((error as {cause?: unknown} | undefined)?.cause);
  const truncated = code ? code === 'Z_BUF_ERROR' : inputEnded;
  return new PreviewError(truncated ? 'PREVIEW_TRUNCATED' : 'PREVIEW_CORRUPT');
}

function zlibCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as {code?: unknown}).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_') ? code : undefined;
}

// firstCsvEntry says what went wrong itself; anything else fflate throws means the archive is not one.
const zipFailure: Classify = (error) => (error instanceof PreviewError ? error : new PreviewError('PREVIEW_CORRUPT'));

/**
 * `body` through `decompressor`, one chunk at a time and each write awaited, so that a failure can be told from
 * the input that stopped early (see gzipFailure) and the download follows the reader's pace.
 */
function through(body: ReadableStream<Uint8Array>, decompressor: Decompressor, classify: Classify): ReadableStream<Uint8Array> {
  const input = body.getReader();
  const sink = decompressor.writable.getWriter();
  const output = decompressor.readable.getReader();
  let inputEnded = false;
  let bodyFailure: {readonly error: unknown} | undefined;
  const feed = async () => {
    for (;;) {
      const next = await input.read().catch((error: unknown) => {
        bodyFailure = {error};
        throw error;
      });
      if (next.done) break;
      // Bodies (fetch's, Node's) are never backed by a SharedArrayBuffer, which DecompressionStream refuses.
      await sink.write(next.value as Uint8Array<ArrayBuffer>);
    }
    inputEnded = true;
    await sink.close();
  };
  feed().catch(async (error: unknown) => {
    // A body that failed ends the decompressor with its error; a decompressor that failed (or finished early, as
    // the ZIP's does after its entry, or was cancelled) stops the download.
    await Promise.allSettled([input.cancel(error), nextTurn().then(() => sink.abort(error))]);
  });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await output.read();
        if (!next.done) return controller.enqueue(next.value);
        controller.close();
        // The ZIP's ends with its entry, before the archive does: the rest is not downloaded.
        await input.cancel().catch(() => {});
      } catch (error) {
        controller.error(bodyFailure ? bodyFailure.error : classify(error, inputEnded));
      }
    },
    async cancel(reason) {
      await Promise.allSettled([input.cancel(reason), nextTurn().then(() => output.cancel(reason))]);
    },
  });
}

/**
 * A turn of the event loop. Node's DecompressionStream is a zlib stream behind an adapter that, on the tick after a
 * read asked for more, still hands over what zlib had buffered, and throws an uncaught exception when the stream was
 * ended in between: it is ended only once that tick has passed.
 */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

const CSV_ENTRY = /\.csv$/i;

/**
 * The first `.csv` entry of a ZIP, inflated as the archive's bytes arrive; the stream ends with that entry (the
 * central directory at the archive's end is not needed). fflate calls back synchronously inside `push`.
 */
function firstCsvEntry(): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array> {
  let unzip: Unzip;
  let found = false;
  let finished = false;
  let failure: PreviewError | undefined;
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch {
      // fflate throws on the last push when an entry is still open: the archive stopped early.
      throw new PreviewError(final ? 'PREVIEW_TRUNCATED' : 'PREVIEW_CORRUPT');
    }
    if (failure) throw failure;
  };
  return new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array>({
    start(controller) {
      unzip = new Unzip((entry) => {
        if (found) return;
        found = CSV_ENTRY.test(entry.name);
        // An entry before the report is inflated into nothing: fflate would keep the bytes of one never started.
        entry.ondata = found
          ? (error, data, final) => {
              if (error) return void (failure = new PreviewError('PREVIEW_CORRUPT'));
              if (data.length > 0) controller.enqueue(data);
              if (final) {
                finished = true;
                controller.terminate();
              }
            }
          : () => {};
        entry.start();
      });
      unzip.register(UnzipInflate);
    },
    transform(chunk) {
      push(chunk, false);
    },
    flush() {
      push(new Uint8Array(0), true);
      if (!found) throw new PreviewError('PREVIEW_CORRUPT');
      if (!finished) throw new PreviewError('PREVIEW_TRUNCATED');
    },
  });
}
