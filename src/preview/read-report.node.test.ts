/**
 * A period's report files read end to end as streams: hand-written CUR fixtures (GZIP through node:zlib, ZIP through
 * fflate), totals checked against sums computed here, every failure typed, and a cancel that stops the download.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import {Gzip, Zip, ZipDeflate, zipSync} from 'fflate';
import {PreviewError} from './preview-error.ts';
import {readReport} from './read-report.ts';
import type {BillingPreview, CostBasis, PreviewProgress, ReportFile, ReportSource} from './types.ts';
import type {Compression} from '../aws/types.ts';

const PERIOD = '20250301-20250401';
const PAYER = '111111111111';
const LINKED = '222222222222';
const OTHER = '333333333333';

const HEADER = [
  'identity/LineItemId',
  'bill/PayerAccountId',
  'lineItem/UsageAccountId',
  'lineItem/LineItemType',
  'lineItem/UsageStartDate',
  'lineItem/UsageEndDate',
  'lineItem/ProductCode',
  'lineItem/CurrencyCode',
  'lineItem/UnblendedCost',
  'lineItem/BlendedCost',
  'lineItem/LineItemDescription',
  'product/ProductName',
] as const;

type Line = Record<(typeof HEADER)[number], string>;

function line(account: string, type: string, unblended: string, blended: string, more: Partial<Line> = {}): Line {
  return {
    'identity/LineItemId': `li-${account}-${type}-${unblended}`,
    'bill/PayerAccountId': PAYER,
    'lineItem/UsageAccountId': account,
    'lineItem/LineItemType': type,
    'lineItem/UsageStartDate': '2025-03-10T04:00:00Z',
    'lineItem/UsageEndDate': '2025-03-10T05:00:00Z',
    'lineItem/ProductCode': 'AmazonEC2',
    'lineItem/CurrencyCode': 'USD',
    'lineItem/UnblendedCost': unblended,
    'lineItem/BlendedCost': blended,
    'lineItem/LineItemDescription': '$0.0416 per On Demand Linux t3.medium Instance Hour',
    'product/ProductName': 'Amazon Elastic Compute Cloud',
    ...more,
  };
}

// Per the data dictionary; quoted fields hold commas, doubled quotes and line breaks.
const LINES: Line[] = [
  line(PAYER, 'Usage', '0.0416000000', '0.0400000000'),
  line(PAYER, 'DiscountedUsage', '0.0000000000', '0.0250000000', {
    'lineItem/LineItemDescription': 'USD 0.0 hourly fee per Linux/UNIX (Amazon VPC), t3.medium instance',
  }),
  line(PAYER, 'RIFee', '30.3680000000', '30.3680000000', {'lineItem/UsageEndDate': '2025-04-01T00:00:00Z'}),
  line(LINKED, 'SavingsPlanCoveredUsage', '0.0170000000', '0.0165000000', {
    'lineItem/ProductCode': 'AmazonRDS',
    'product/ProductName': 'Amazon Relational Database Service',
    'lineItem/LineItemDescription': 'Savings Plan "Compute", covering\ndb.t3.micro usage',
  }),
  line(LINKED, 'Usage', '5.7500000000', '5.7500000000', {'lineItem/ProductCode': 'AmazonS3', 'product/ProductName': 'Amazon Simple Storage Service'}),
  line(LINKED, 'Credit', '-2.0000000000', '-2.0000000000', {'lineItem/LineItemDescription': 'AWS Promotional Credits, "Activate"'}),
  line(LINKED, 'Refund', '-0.5000000000', '-0.5000000000'),
  line(LINKED, 'Tax', '0.3000000000', '0.3000000000', {'lineItem/ProductCode': 'AmazonS3', 'product/ProductName': ''}),
  line(OTHER, 'Fee', '100.0000000000', '100.0000000000', {
    'lineItem/ProductCode': 'AWSSupportBusiness',
    'product/ProductName': 'AWS Support (Business, Enterprise)',
  }),
];

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function csv(lines: readonly Line[], header: readonly string[] = HEADER): string {
  return [header.map(cell).join(','), ...lines.map((l) => header.map((c) => cell(l[c as keyof Line] ?? '')).join(','))].join('\n') + '\n';
}

const encode = (text: string) => new TextEncoder().encode(text);
const compress = (compression: Compression, text: string, name = 'abiquo-hourly-00001.csv'): Uint8Array =>
  compression === 'GZIP' ? new Uint8Array(gzipSync(encode(text))) : zipSync({[name]: encode(text)});

/** What the test saw of a file: how often it was opened, and a promise of its cancellation. */
interface Watched {
  readonly file: ReportFile;
  opened: number;
  readonly cancelled: Promise<unknown>;
  /** Once every byte was read and the reader asks for more (`hang` only). */
  readonly waiting: Promise<void>;
}

/** A report file of `bytes` in pieces of `piece`; after them, it ends or (`hang`) waits for ever. */
function watched(key: string, bytes: Uint8Array, options: {piece?: number; then?: 'end' | 'hang'; size?: boolean} = {}): Watched {
  const {piece = 4096, then = 'end', size = true} = options;
  let cancel!: (reason: unknown) => void;
  let wait!: () => void;
  const seen: Watched = {
    opened: 0,
    cancelled: new Promise((resolve) => (cancel = resolve)),
    waiting: new Promise((resolve) => (wait = resolve)),
    file: {
      key,
      ...(size ? {size: bytes.length} : {}),
      open: async () => {
        seen.opened++;
        let at = 0;
        return new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (at < bytes.length) {
                controller.enqueue(bytes.slice(at, at + piece));
                at += piece;
              } else if (then === 'end') controller.close();
              else {
                wait();
                return new Promise<void>(() => {});
              }
            },
            cancel: (reason) => cancel(reason),
          },
          {highWaterMark: 0},
        );
      },
    },
  };
  return seen;
}

const source = (compression: Compression, ...files: Watched[]): ReportSource => ({period: PERIOD, compression, files: files.map((w) => w.file)});

async function preview(src: ReportSource, basis: CostBasis = 'unblended'): Promise<BillingPreview> {
  const result = await readReport(src, {basis});
  assert.ok(result.ok, `read: ${JSON.stringify(result)}`);
  return result.value;
}

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual}, expected ${expected} (off by ${actual - expected})`);

/** What `lines` cost, computed apart from the product: exact integers of 1e-10 per account and kind. */
function expectedOf(lines: readonly Line[], basis: CostBasis) {
  const column = basis === 'blended' ? 'lineItem/BlendedCost' : 'lineItem/UnblendedCost';
  const sums = new Map<string, bigint>();
  const add = (key: string, units: bigint) => sums.set(key, (sums.get(key) ?? 0n) + units);
  for (const l of lines) {
    const [whole, fraction = ''] = l[column].split('.');
    const units = BigInt(`${whole}${fraction.padEnd(10, '0')}`.replace('-', '')) * (l[column].startsWith('-') ? -1n : 1n);
    const kind = {Credit: 'credits', Refund: 'refunds', Tax: 'taxes'}[l['lineItem/LineItemType']] ?? 'usage';
    for (const key of ['total', kind, `${l['lineItem/UsageAccountId']} cost`, `${l['lineItem/UsageAccountId']} ${kind}`]) add(key, units);
  }
  return (key: string) => Number(sums.get(key) ?? 0n) / 1e10;
}

function assertTotals(result: BillingPreview, lines: readonly Line[], basis: CostBasis): void {
  const expected = expectedOf(lines, basis);
  for (const part of ['total', 'usage', 'credits', 'refunds', 'taxes'] as const) near(result[part], expected(part), part);
  for (const account of result.accounts) {
    for (const part of ['cost', 'usage', 'credits', 'refunds', 'taxes'] as const)
      near(account[part], expected(`${account.accountId} ${part}`), `${account.accountId} ${part}`);
  }
  assert.deepEqual(new Set(result.accounts.map((a) => a.accountId)), new Set(lines.map((l) => l['lineItem/UsageAccountId'])));
  assert.equal(result.rows, lines.length);
}

describe('readReport', () => {
  for (const compression of ['GZIP', 'ZIP'] as const) {
    for (const basis of ['unblended', 'blended'] as const) {
      it(`reads a ${compression} file, ${basis}: costs per account and service, apart what is not usage`, async () => {
        const bytes = compress(compression, csv(LINES));
        const result = await preview(
          source(compression, watched('cur/abiquo-hourly/20250301-20250401/a1/abiquo-hourly-00001.csv.gz', bytes, {piece: 100})),
          basis,
        );
        assertTotals(result, LINES, basis);
        assert.deepEqual(
          result.accounts.map((a) => a.accountId),
          [OTHER, PAYER, LINKED],
        );
        assert.deepEqual(
          result.accounts[2]!.services.map((s) => s.service),
          ['Amazon Simple Storage Service', 'AmazonS3', 'Amazon Relational Database Service', 'Amazon Elastic Compute Cloud'],
        );
        assert.equal(result.accounts[0]!.services[0]!.service, 'AWS Support (Business, Enterprise)');
        assert.deepEqual(
          {period: result.period, basis: result.basis, currency: result.currency, lastUsageHour: result.lastUsageHour, payer: result.payerAccount},
          {period: PERIOD, basis, currency: 'USD', lastUsageHour: '2025-03-10T05:00:00.000Z', payer: PAYER},
        );
        // A ZIP's reading ends with its entry: the central directory after it is not downloaded.
        const entryEnd = compression === 'GZIP' ? bytes.length : Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        assert.ok(result.bytes >= entryEnd && result.bytes <= bytes.length, `${result.bytes} bytes read of ${bytes.length}`);
      });
    }

    it(`adds up every ${compression} file of the period, each with its own column order`, async () => {
      const reordered = [...HEADER].reverse();
      const files = [
        watched('part-1', compress(compression, csv(LINES.slice(0, 4)))),
        watched('part-2', compress(compression, csv(LINES.slice(4), reordered))),
        watched('part-3', compress(compression, csv([]))),
      ];
      const result = await preview(source(compression, ...files));
      assertTotals(result, LINES, 'unblended');
      assert.deepEqual(
        files.map((f) => f.opened),
        [1, 1, 1],
      );
    });
  }

  it('tells its progress at most ten times a second, then once at the end with every byte and row; adds up 200,000 rows exactly', async () => {
    const lines: Line[] = [];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 200_000; i++) {
      const units = Math.floor(random() * 2e11) - 1e10;
      const cost = `${units < 0 ? '-' : ''}${String(Math.abs(units))
        .padStart(11, '0')
        .replace(/(\d{10})$/, '.$1')}`;
      lines.push(line([PAYER, LINKED, OTHER][i % 3]!, ['Usage', 'Usage', 'Credit', 'Tax', 'Refund'][i % 5]!, cost, cost));
    }
    const text = csv(lines);
    const files = [watched('a.csv.gz', compress('GZIP', text.slice(0, text.indexOf('\n', text.length / 2) + 1)), {piece: 65_536})];
    files.push(watched('b.csv.gz', compress('GZIP', csv([]).trimEnd() + text.slice(text.indexOf('\n', text.length / 2))), {piece: 65_536}));
    const told: PreviewProgress[] = [];
    const result = await readReport(source('GZIP', ...files), {basis: 'unblended', onProgress: (p) => told.push(p)});
    assert.ok(result.ok);
    assertTotals(result.value, lines, 'unblended');
    const bytes = files.reduce((sum, f) => sum + f.file.size!, 0);
    const last = told.at(-1)!;
    assert.deepEqual([last.bytesRead, last.bytesTotal, last.rows], [bytes, bytes, 200_000]);
    assert.equal(result.value.bytes, bytes);
    for (let i = 1; i < told.length - 1; i++) assert.ok(told[i]!.elapsedMs - told[i - 1]!.elapsedMs >= 100, `told ${i} came too soon`);
    for (let i = 1; i < told.length; i++) assert.ok(told[i]!.bytesRead >= told[i - 1]!.bytesRead && told[i]!.rows >= told[i - 1]!.rows);
    for (const p of told) assert.equal(p.remainingMs !== undefined, p.elapsedMs >= 1000 && p.bytesRead > 0, `estimate at ${p.elapsedMs} ms`);
  });

  it('gives no bytesTotal when a file’s size is not known', async () => {
    const told: PreviewProgress[] = [];
    await readReport(source('GZIP', watched('a', compress('GZIP', csv(LINES)), {size: false})), {basis: 'unblended', onProgress: (p) => told.push(p)});
    assert.ok(told.length > 0 && told.every((p) => p.bytesTotal === undefined && p.remainingMs === undefined));
  });

  it('fails PREVIEW_NO_DATA, naming the period, when the files hold no line item, or there are none', async () => {
    const empty = source('GZIP', watched('a', compress('GZIP', csv([]))), watched('b', compress('GZIP', '')));
    assert.deepEqual(await readReport(empty, {basis: 'unblended'}), {ok: false, code: 'PREVIEW_NO_DATA', facts: {period: PERIOD}});
    assert.deepEqual(await readReport(source('GZIP'), {basis: 'unblended'}), {ok: false, code: 'PREVIEW_NO_DATA', facts: {period: PERIOD}});
  });
});

describe('readReport failures', () => {
  it('fails PREVIEW_TRUNCATED on a GZIP or ZIP file that stops early, naming it, and reads no further file', async () => {
    for (const compression of ['GZIP', 'ZIP'] as const) {
      const bytes = compress(compression, csv(LINES));
      const next = watched('part-2', bytes);
      const result = await readReport(source(compression, watched('part-1', bytes.subarray(0, bytes.length / 2)), next), {basis: 'unblended'});
      assert.deepEqual(result, {ok: false, code: 'PREVIEW_TRUNCATED', facts: {key: 'part-1'}}, compression);
      assert.equal(next.opened, 0);
    }
  });

  it('fails PREVIEW_CORRUPT on a file that is not what its compression says', async () => {
    const gzip = compress('GZIP', csv(LINES));
    const cases = [
      ['GZIP', compress('ZIP', csv(LINES))],
      ['GZIP', Uint8Array.from(gzip, (b, i) => (i === 10 ? 0xff : b))],
      ['ZIP', gzip],
      ['ZIP', zipSync({'abiquo-hourly-Manifest.json': encode('{}')})],
    ] as const;
    for (const [compression, bytes] of cases) {
      assert.deepEqual(await readReport(source(compression, watched('part-1', bytes)), {basis: 'unblended'}), {
        ok: false,
        code: 'PREVIEW_CORRUPT',
        facts: {key: 'part-1'},
      });
    }
  });

  it('fails PREVIEW_NO_COST_COLUMN, naming the file and the column, and stops its download', async () => {
    const header = HEADER.filter((c) => c !== 'lineItem/BlendedCost');
    const file = watched('part-1', compress('GZIP', csv(LINES, header).repeat(50)), {piece: 100, then: 'hang'});
    const result = await readReport(source('GZIP', file), {basis: 'blended'});
    assert.deepEqual(result, {ok: false, code: 'PREVIEW_NO_COST_COLUMN', facts: {key: 'part-1', column: 'lineItem/BlendedCost'}});
    await file.cancelled;
  });

  it('says what opening a file failed with (the source’s PreviewError), else PREVIEW_READ_FAILED', async () => {
    const denied: ReportFile = {
      key: 'part-1',
      open: () => Promise.reject(new PreviewError('PREVIEW_READ_DENIED', {bucket: 'acme-billing-reports', key: 'part-1'})),
    };
    assert.deepEqual(await readReport({period: PERIOD, compression: 'GZIP', files: [denied]}, {basis: 'unblended'}), {
      ok: false,
      code: 'PREVIEW_READ_DENIED',
      facts: {key: 'part-1', bucket: 'acme-billing-reports'},
    });
    const broken: ReportFile = {key: 'part-1', open: () => Promise.reject(new Error('ECONNRESET'))};
    assert.deepEqual(await readReport({period: PERIOD, compression: 'GZIP', files: [broken]}, {basis: 'unblended'}), {
      ok: false,
      code: 'PREVIEW_READ_FAILED',
      facts: {key: 'part-1', error: 'ECONNRESET'},
    });
  });

  it('redacts a secret the reason of a failed read quotes', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const leaking: ReportFile = {key: 'part-1', open: () => Promise.reject(new Error(`signature mismatch for ${secret}`))};
    const result = await readReport({period: PERIOD, compression: 'GZIP', files: [leaking]}, {basis: 'unblended'});
    assert.equal(result.ok, false);
    assert.doesNotMatch(JSON.stringify(result), /wJalrXUtnFEMI/);
  });

  it('fails PREVIEW_READ_FAILED, not corrupt, when the download breaks off', async () => {
    const bytes = compress('GZIP', csv(LINES));
    let sent = false;
    const breaking: ReportFile = {
      key: 'part-1',
      open: async () =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent) return controller.error(new TypeError('terminated'));
            controller.enqueue(bytes.slice(0, 200));
            sent = true;
          },
        }),
    };
    assert.deepEqual(await readReport({period: PERIOD, compression: 'GZIP', files: [breaking]}, {basis: 'unblended'}), {
      ok: false,
      code: 'PREVIEW_READ_FAILED',
      facts: {key: 'part-1', error: 'terminated'},
    });
  });
});

describe('readReport cancelled', () => {
  for (const compression of ['GZIP', 'ZIP'] as const) {
    it(`ends PREVIEW_CANCELLED at once when aborted while a ${compression} download waits for bytes, and cancels it`, async () => {
      const bytes = compress(compression, csv(LINES).repeat(200));
      const controller = new AbortController();
      const file = watched('part-1', bytes.subarray(0, bytes.length / 2), {piece: 1000, then: 'hang'});
      const next = watched('part-2', bytes);
      let cancelledEarly = false;
      void file.cancelled.then(() => (cancelledEarly = !controller.signal.aborted));
      const reading = readReport(source(compression, file, next), {basis: 'unblended', signal: controller.signal});
      // Every byte given has been read: the reading waits for more, which never come.
      await file.waiting;
      const abortedAt = performance.now();
      controller.abort();
      assert.deepEqual(await reading, {ok: false, code: 'PREVIEW_CANCELLED'});
      assert.ok(performance.now() - abortedAt < 1000, 'within a second');
      await file.cancelled;
      assert.equal(cancelledEarly, false);
      assert.equal(next.opened, 0);
    });
  }

  it('ends PREVIEW_CANCELLED when aborted while bytes keep coming, and stops reading them', async () => {
    const controller = new AbortController();
    const rows = encode(csv(LINES).slice(csv([]).length).repeat(50));
    // fflate compresses each piece as it comes: a GZIP file without end.
    const compressed: Uint8Array[] = [];
    const gzip = new Gzip((chunk) => compressed.push(chunk));
    gzip.push(encode(csv(LINES)));
    let pulls = 0;
    let pullsAtAbort = 0;
    let cancel!: () => void;
    const cancelled = new Promise<void>((resolve) => (cancel = resolve));
    const endless: ReportFile = {
      key: 'endless',
      open: async () =>
        new ReadableStream<Uint8Array>(
          {
            pull(c) {
              while (compressed.length === 0) gzip.push(rows);
              c.enqueue(compressed.shift()!);
              if (++pulls === 20) {
                pullsAtAbort = pulls;
                controller.abort();
              }
            },
            cancel: () => cancel(),
          },
          {highWaterMark: 0},
        ),
    };
    assert.deepEqual(await readReport({period: PERIOD, compression: 'GZIP', files: [endless]}, {basis: 'unblended', signal: controller.signal}), {
      ok: false,
      code: 'PREVIEW_CANCELLED',
    });
    await cancelled;
    assert.ok(pulls - pullsAtAbort <= 2, `${pulls - pullsAtAbort} more chunks read after the abort`);
  });

  it('hears an abort from another task (a click) while a ZIP in memory keeps it busy without ever waiting', async () => {
    const controller = new AbortController();
    const rows = encode(csv(LINES).slice(csv([]).length).repeat(50));
    // fflate zips each piece as it comes, synchronously: the reading would never give timers a turn of its own.
    const zipped: Uint8Array[] = [];
    const zip = new Zip((_error, chunk) => zipped.push(chunk));
    const entry = new ZipDeflate('abiquo-hourly-00001.csv');
    zip.add(entry);
    entry.push(encode(csv(LINES)));
    // Some 50 ms of reading take 6 pieces; a reading deaf to the abort ends after 400, at a truncated archive.
    let pieces = 0;
    const endless: ReportFile = {
      key: 'endless',
      open: async () =>
        new ReadableStream<Uint8Array>({
          pull(c) {
            if (++pieces > 400) return c.close();
            while (zipped.length === 0) entry.push(rows);
            c.enqueue(zipped.shift()!);
          },
        }),
    };
    let told!: () => void;
    const reading = readReport(
      {period: PERIOD, compression: 'ZIP', files: [endless]},
      {basis: 'unblended', signal: controller.signal, onProgress: () => told()},
    );
    await new Promise<void>((resolve) => (told = resolve));
    setTimeout(() => controller.abort(), 0);
    assert.deepEqual(await reading, {ok: false, code: 'PREVIEW_CANCELLED'});
  });

  it('ends PREVIEW_CANCELLED, opening nothing, when aborted before it starts or while a file opens', async () => {
    const file = watched('part-1', compress('GZIP', csv(LINES)));
    assert.deepEqual(await readReport(source('GZIP', file), {basis: 'unblended', signal: AbortSignal.abort()}), {ok: false, code: 'PREVIEW_CANCELLED'});
    assert.equal(file.opened, 0);
    const controller = new AbortController();
    const opening: ReportFile = {
      key: 'part-1',
      // As the SDK's GetObject does: the request fails when its signal aborts.
      open: (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          controller.abort();
        }),
    };
    assert.deepEqual(await readReport({period: PERIOD, compression: 'GZIP', files: [opening]}, {basis: 'unblended', signal: controller.signal}), {
      ok: false,
      code: 'PREVIEW_CANCELLED',
    });
  });
});
