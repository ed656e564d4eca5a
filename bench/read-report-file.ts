/**
 * Reads one local report file with the billing preview engine and prints one JSON line: how long the reading took,
 * what it found and the process's peak resident memory. A child process of bench/preview.ts, so that its peak
 * memory is the engine's (plus Node's own) and nothing of the parent's. Usage: tsx bench/read-report-file.ts FILE GZIP|ZIP
 */
import {createReadStream, statSync} from 'node:fs';
import {Readable} from 'node:stream';
import {nodeGunzip} from '../src/cli/node-gunzip.ts';
import {nodeUtf8} from '../src/cli/node-utf8.ts';
import {readReport} from '../src/preview/read-report.ts';
import type {ReportSource} from '../src/preview/types.ts';

const [file = '', compression = 'GZIP'] = process.argv.slice(2);
if (compression !== 'GZIP' && compression !== 'ZIP') throw new Error(`compression must be GZIP or ZIP, not ${compression}`);

// The file as S3 would stream it: a web stream of its bytes, opened when the engine gets to it.
const source: ReportSource = {
  period: '20261001-20261101',
  compression,
  files: [{key: file, size: statSync(file).size, open: async () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>}],
};

const started = performance.now();
// Node's zlib and StringDecoder, as the CLI reads with them (src/cli/node-gunzip.ts, node-utf8.ts).
const result = await readReport(source, {basis: 'unblended', gunzip: nodeGunzip, utf8: nodeUtf8});
const ms = performance.now() - started;
if (!result.ok) throw new Error(`the preview failed: ${result.code} ${JSON.stringify(result.facts ?? {})}`);
// maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ms, rows: result.value.rows, total: result.value.total, maxRssMb: process.resourceUsage().maxRSS / 1024})}\n`);
