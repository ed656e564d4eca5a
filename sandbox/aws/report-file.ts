/**
 * A legacy CUR data file of any size written to disk as AWS delivers it (CSV compressed with GZIP, or in a ZIP),
 * streamed line by line so a million line items never sit in memory; with the totals its costs add up to.
 */
import {once} from 'node:events';
import {createWriteStream} from 'node:fs';
import {basename} from 'node:path';
import {Readable} from 'node:stream';
import {finished, pipeline} from 'node:stream/promises';
import {createGzip} from 'node:zlib';
import {Zip, ZipDeflate} from 'fflate';
import {csvHeader, csvLines} from './csv.ts';
import {LEGACY_CUR_COLUMNS} from './cur-legacy-columns.ts';
import {LINKED_KEYS, PAYER_ACCOUNT, UNCLAIMED_ACCOUNT} from './demo-keys.ts';
import {lineItems, seededRandom, type LineItem, type LineItemOptions} from './line-items.ts';
import {reportTally, type ReportTotals} from './report-totals.ts';

export interface ReportFileOptions extends LineItemOptions {
  readonly compression: 'GZIP' | 'ZIP';
}

/** `rows` line items of a closed month for the demo's payer, its linked accounts and one no enterprise claims. */
export function sampleLineItems(rows: number, seed = 'sample-report'): LineItemOptions {
  const period = {start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-11-01T00:00:00Z')};
  return {
    period,
    until: period.end,
    payer: PAYER_ACCOUNT,
    usageAccounts: [PAYER_ACCOUNT, ...LINKED_KEYS.map((k) => k.account), UNCLAIMED_ACCOUNT],
    rows,
    timeUnit: 'HOURLY',
    random: seededRandom(seed),
    invoiced: true,
  };
}

// Lines are handed to the compressor in batches of about this many characters: one write per line costs more than the compression.
const BATCH = 1 << 20;

function* csvBatches(options: LineItemOptions, count: (item: LineItem) => void): Generator<Buffer> {
  const line = csvLines(LEGACY_CUR_COLUMNS);
  let batch = csvHeader(LEGACY_CUR_COLUMNS);
  for (const item of lineItems(options)) {
    count(item);
    batch += line(item.fields);
    if (batch.length < BATCH) continue;
    yield Buffer.from(batch);
    batch = '';
  }
  yield Buffer.from(batch);
}

/** Writes `path` (`<name>.csv.gz`, or `<name>.csv.zip` holding `<name>.csv`) and resolves with what its costs add up to. */
export async function writeReportFile(path: string, options: ReportFileOptions): Promise<ReportTotals> {
  const tally = reportTally();
  const batches = csvBatches(options, tally.count);
  if (options.compression === 'GZIP') await pipeline(Readable.from(batches), createGzip(), createWriteStream(path));
  else await writeZip(path, basename(path, '.zip'), batches);
  return tally.totals();
}

/** fflate's streaming Zip hands over each compressed chunk as it is made; the file's backpressure paces the input. */
async function writeZip(path: string, entryName: string, batches: Iterable<Buffer>): Promise<void> {
  const out = createWriteStream(path);
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    out.write(chunk);
    if (final) out.end();
  });
  const entry = new ZipDeflate(entryName);
  zip.add(entry);
  for (const batch of batches) {
    entry.push(batch);
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  entry.push(new Uint8Array(0), true);
  zip.end();
  await finished(out);
}
