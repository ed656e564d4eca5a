/**
 * CSV rows out of a byte stream, as its bytes arrive: UTF-8 decoded piece by piece, parsed by papaparse's own
 * parser (some fifteen times faster than csv-parse's browser build: bench/csv-parsers.ts), never the whole text.
 */
import Papa from 'papaparse';

/** Turns text that arrives in pieces into complete rows; a row cut by a piece's end waits for the next piece. */
export interface CsvChunkParser {
  push(text: string): string[][];
  /** The rest, once the text has ended (a last row without a line end). */
  end(text?: string): string[][];
}

interface PapaResult {
  readonly data: string[][];
  readonly meta: {readonly cursor: number};
}

// A blank line (at the end of a file, say) is no row.
const notBlank = (row: readonly string[]) => row.length > 1 || row[0] !== '';

export function papaChunkParser(): CsvChunkParser {
  let parser: Papa.Parser | undefined;
  let rest = '';
  const parse = (text: string, last: boolean): string[][] => {
    const input = rest + text;
    const lineEnd = input.indexOf('\n');
    if (!parser && lineEnd < 0 && !last) {
      rest = input;
      return [];
    }
    // The line end is the header line's: AWS writes `\n`, a file that went through Windows may have `\r\n`.
    parser ??= new Papa.Parser({delimiter: ',', quoteChar: '"', newline: input[lineEnd - 1] === '\r' ? '\r\n' : '\n'});
    // With `ignoreLastRow` the parser stops at the last complete row and says where: the rest waits for more text.
    const {data, meta} = parser.parse(input, 0, !last) as PapaResult;
    rest = last ? '' : input.slice(meta.cursor);
    return data.filter(notBlank);
  };
  return {push: (text) => parse(text, false), end: (text = '') => parse(text, true)};
}

/**
 * The rows of a CSV byte stream in batches, one per chunk that completed some (the header is the first row).
 * Leaving the loop early cancels the stream; so does `signal`, at once, even while a read is waiting: the rows
 * then simply end, and the caller, which owns the signal, says why.
 */
export async function* csvRows(bytes: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<string[][], void, undefined> {
  const reader = bytes.getReader();
  const stop = () => void reader.cancel(signal?.reason).catch(() => {});
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, {once: true});
  const decoder = new TextDecoder();
  const parser = papaChunkParser();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const rows = parser.push(decoder.decode(next.value, {stream: true}));
      if (rows.length > 0) yield rows;
    }
    // A cancelled stream ends like a complete one: what is left of it is no row.
    if (signal?.aborted) return;
    const rows = parser.end(decoder.decode());
    if (rows.length > 0) yield rows;
  } finally {
    signal?.removeEventListener('abort', stop);
    // Nothing to do after the stream's end; left early, the download stops.
    await reader.cancel().catch(() => {});
  }
}
