/**
 * CSV rows out of a byte stream, as its bytes arrive: UTF-8 decoded piece by piece, parsed by uDSV's incremental
 * parser (twice papaparse's speed and fifteen times csv-parse's on CUR rows: bench/csv-parsers.ts), never the whole
 * text.
 */
import {inferSchema, initParser, type Parser} from 'udsv';

/** Turns text that arrives in pieces into complete rows; a row cut by a piece's end waits for the next piece. */
export interface CsvChunkParser {
  push(text: string): string[][];
  /** The rest, once the text has ended (a last row without a line end). */
  end(text?: string): string[][];
}

/**
 * uDSV's own parser, fed as its README shows; the header is the first row given. Two things it leaves to its
 * caller: the schema is read off the header line, so text waits until that line is whole (blank lines before it are
 * skipped, as blank lines are no rows); and a piece that ends between the `\r` and the `\n` of a line end would
 * leave the `\n` to start the next row, so that `\r` waits for the next piece.
 *
 * uDSV parses well-formed CSV (RFC 4180: every row has the header's fields), which AWS writes. Where papaparse gave
 * ragged rows, uDSV runs a row with fewer fields into the next one, folds extra fields into the last one, and drops a
 * short last row without a line end. A GZIP file damaged on its way fails its checksum first.
 */
export function udsvChunkParser(): CsvChunkParser {
  let parser: Parser | undefined;
  // Before the header line is whole: all the text so far; after: a `\r` that may begin a line end.
  let held = '';
  let rows: string[][] = [];
  const collect = (row: string[]) => void rows.push(row);
  const parse = (text: string, last: boolean): string[][] => {
    let input = held + text;
    if (!parser) {
      input = input.replace(/^(\r?\n)+/, '');
      const lineEnd = input.indexOf('\n');
      // An empty file has no header, hence no rows.
      if (lineEnd < 0 && (!last || input === '')) {
        held = input;
        return [];
      }
      // The line end is the header line's: AWS writes `\n`, a file that went through Windows may have `\r\n`.
      const row = input[lineEnd - 1] === '\r' ? '\r\n' : '\n';
      const schema = inferSchema(lineEnd < 0 ? `${input}\n` : input, {col: ',', row, encl: '"', esc: '"'}, 1);
      parser = initParser(schema);
      held = '';
      const header = schema.cols.map((column) => column.name);
      // A header without a line end is the whole file.
      if (lineEnd < 0) return [header];
      rows.push(header);
    }
    held = !last && input.endsWith('\r') ? '\r' : '';
    if (held) input = input.slice(0, -1);
    if (input) parser.chunk<string[]>(input, parser.stringArrs, collect);
    // uDSV's end parses what its last chunk left (the parser was created with text, so a chunk was given).
    if (last) parser.end();
    const parsed = rows;
    rows = [];
    return parsed;
  };
  return {push: (text) => parse(text, false), end: (text = '') => parse(text, true)};
}

/** UTF-8 bytes to text piece by piece, as TextDecoder's streaming mode: a character cut by a piece's end waits for the next. */
export interface Utf8Decoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * The platform's TextDecoder. Node's streaming mode takes seven times as long as its StringDecoder (ICU against
 * simdutf), so Node callers give that one (cli/node-utf8.ts).
 */
export function platformUtf8(): Utf8Decoder {
  const decoder = new TextDecoder();
  return {write: (bytes) => decoder.decode(bytes, {stream: true}), end: () => decoder.decode()};
}

/**
 * The rows of a CSV byte stream in batches, one per chunk that completed some (the header is the first row).
 * Leaving the loop early cancels the stream; so does `signal`, at once, even while a read is waiting: the rows
 * then simply end, and the caller, which owns the signal, says why.
 */
export async function* csvRows(
  bytes: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  utf8: () => Utf8Decoder = platformUtf8,
): AsyncGenerator<string[][], void, undefined> {
  const reader = bytes.getReader();
  const stop = () => void reader.cancel(signal?.reason).catch(() => {});
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, {once: true});
  const decoder = utf8();
  const parser = udsvChunkParser();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const rows = parser.push(decoder.write(next.value));
      if (rows.length > 0) yield rows;
    }
    // A cancelled stream ends like a complete one: what is left of it is no row.
    if (signal?.aborted) return;
    const rows = parser.end(decoder.end());
    if (rows.length > 0) yield rows;
  } finally {
    signal?.removeEventListener('abort', stop);
    // Nothing to do after the stream's end; left early, the download stops.
    await reader.cancel().catch(() => {});
  }
}
