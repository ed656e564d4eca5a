/**
 * The billing preview's CSV parser, chosen here: uDSV (as src/preview/csv-rows.ts feeds it) against papaparse (its
 * own chunk parser, which the preview used before) and csv-parse's browser build, over the same realistic legacy
 * CUR text (131 columns, quoted fields) cut in 64 KB pieces as a download delivers them. papaparse and csv-parse
 * stay devDependencies for this comparison only. `npx tsx bench/csv-parsers.ts` prints the figures.
 */
import {parse} from 'csv-parse/browser/esm';
import Papa from 'papaparse';
import {toCsv} from '../sandbox/aws/csv.ts';
import {LEGACY_CUR_COLUMNS} from '../sandbox/aws/cur-legacy-columns.ts';
import {lineItems, seededRandom} from '../sandbox/aws/line-items.ts';
import {udsvChunkParser} from '../src/preview/csv-rows.ts';

export interface CsvParserFigure {
  readonly parser: string;
  readonly rows: number;
  readonly megabytes: number;
  /** The best of the runs. */
  readonly ms: number;
  readonly rowsPerSecond: number;
  readonly megabytesPerSecond: number;
}

export interface CsvBenchOptions {
  readonly rows: number;
  readonly chunkBytes: number;
  readonly runs: number;
}

/** Parses every chunk and resolves with the rows and fields it read (every parser must read the same). */
type Parse = (chunks: readonly string[]) => Promise<{rows: number; fields: number}>;

/** Counts what a parser read. */
function tally(): {count: (rows: readonly (readonly string[])[]) => void; read: () => {rows: number; fields: number}} {
  let rows = 0;
  let fields = 0;
  return {
    count: (batch) => {
      rows += batch.length;
      for (const row of batch) fields += row.length;
    },
    read: () => ({rows, fields}),
  };
}

const udsv: Parse = async (chunks) => {
  const parser = udsvChunkParser();
  const {count, read} = tally();
  for (const chunk of chunks) count(parser.push(chunk));
  count(parser.end());
  return read();
};

interface PapaResult {
  readonly data: string[][];
  readonly meta: {readonly cursor: number};
}

/** papaparse's own parser stopping at the last complete row (`ignoreLastRow`): the rest waits for the next chunk. */
const papaparse: Parse = async (chunks) => {
  const parser = new Papa.Parser({delimiter: ',', quoteChar: '"', newline: '\n'});
  const {count, read} = tally();
  let rest = '';
  for (const chunk of chunks) {
    const input = rest + chunk;
    const {data, meta} = parser.parse(input, 0, true) as PapaResult;
    count(data);
    rest = input.slice(meta.cursor);
  }
  count((parser.parse(rest, 0, false) as PapaResult).data.filter((row) => row.length > 1 || row[0] !== ''));
  return read();
};

const csvParse: Parse = (chunks) =>
  new Promise((resolve, reject) => {
    const parser = parse();
    let rows = 0;
    let fields = 0;
    parser.on('data', (row: string[]) => {
      rows++;
      fields += row.length;
    });
    parser.on('error', reject);
    parser.on('end', () => resolve({rows, fields}));
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
  });

const PARSERS: Readonly<Record<string, Parse>> = {uDSV: udsv, papaparse, 'csv-parse (browser ESM)': csvParse};

/** `rows` line items (plus the header): a block of at most 20,000 generated ones, repeated. */
function curText(rows: number): string {
  const period = {start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-11-01T00:00:00Z')};
  const block = Math.min(rows, 20_000);
  const items = lineItems({
    period,
    until: period.end,
    payer: '123456789012',
    usageAccounts: ['123456789012', '234567890123', '345678901234', '456789012345'],
    rows: block,
    timeUnit: 'HOURLY',
    random: seededRandom('csv-parsers'),
    invoiced: true,
  });
  const csv = toCsv(
    LEGACY_CUR_COLUMNS,
    Array.from(items, (item) => item.fields),
  );
  const header = csv.slice(0, csv.indexOf('\n') + 1);
  const body = csv.slice(header.length);
  return header + body.repeat(Math.floor(rows / block)) + body.split('\n', rows % block).join('\n') + (rows % block ? '\n' : '');
}

const OPTIONS = {rows: 200_000, chunkBytes: 65_536, runs: 3} as const;

export async function benchCsvParsers({rows, chunkBytes, runs}: CsvBenchOptions = OPTIONS): Promise<CsvParserFigure[]> {
  const text = curText(rows);
  const megabytes = new TextEncoder().encode(text).length / 1e6;
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += chunkBytes) chunks.push(text.slice(at, at + chunkBytes));
  const figures: CsvParserFigure[] = [];
  for (const [name, run] of Object.entries(PARSERS)) {
    let ms = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const read = await run(chunks);
      ms = Math.min(ms, performance.now() - started);
      if (read.rows !== rows + 1 || read.fields !== (rows + 1) * LEGACY_CUR_COLUMNS.length) {
        throw new Error(`${name} read ${read.rows} rows and ${read.fields} fields, not ${rows + 1} rows of ${LEGACY_CUR_COLUMNS.length}`);
      }
    }
    figures.push({parser: name, rows, megabytes, ms, rowsPerSecond: (rows / ms) * 1000, megabytesPerSecond: (megabytes / ms) * 1000});
  }
  return figures;
}

/** The comparison as the benchmark prints it, under its heading. */
export function csvParsersTable(figures: readonly CsvParserFigure[]): string {
  return [
    `CSV parsers, ${OPTIONS.rows.toLocaleString('en')} CUR rows (${figures[0]!.megabytes.toFixed(1)} MB) in ${OPTIONS.chunkBytes / 1024} KB chunks, best of ${OPTIONS.runs} (the preview keeps the fastest)`,
    ...figures.map(
      (f) =>
        `  ${f.parser.padEnd(24)} ${Math.round(f.ms).toLocaleString('en').padStart(7)} ms  ${Math.round(f.rowsPerSecond).toLocaleString('en').padStart(9)} rows/s  ${f.megabytesPerSecond.toFixed(1).padStart(6)} MB/s`,
    ),
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(csvParsersTable(await benchCsvParsers()));
