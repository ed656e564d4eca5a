/** CSV rows out of bytes that arrive in pieces cut anywhere: inside a quoted field, a `""`, a `\r\n`, a UTF-8 character. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bytePieces} from '../../test/helpers/byte-pieces.ts';
import {csvRows, udsvChunkParser} from './csv-rows.ts';

const encoder = new TextEncoder();

async function allRows(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of csvRows(stream, signal)) rows.push(...batch);
  return rows;
}

// A header, a description with a comma, doubled quotes and a line break, a product name with a comma, non-ASCII
// text (a character of 2 and one of 3 bytes), an empty field and a last line without a line end.
const TEXT = [
  'lineItem/UsageAccountId,lineItem/LineItemDescription,product/ProductName,lineItem/UnblendedCost',
  '111111111111,"$0.0416 per On Demand Linux t3.medium Instance Hour, ""us-east-1""",Amazon Elastic Compute Cloud,0.0416000000',
  '222222222222,"Refund of charges\nfor the outage of 2024-11-03",Amazon Simple Storage Service,-1.2500000000',
  '333333333333,Impuesto de "Sociedad Limitada" señal €,"AWS Support (Business, Developer)",',
  '444444444444,plain,Amazon Relational Database Service,3.5',
].join('\n');

const EXPECTED = [
  ['lineItem/UsageAccountId', 'lineItem/LineItemDescription', 'product/ProductName', 'lineItem/UnblendedCost'],
  ['111111111111', '$0.0416 per On Demand Linux t3.medium Instance Hour, "us-east-1"', 'Amazon Elastic Compute Cloud', '0.0416000000'],
  ['222222222222', 'Refund of charges\nfor the outage of 2024-11-03', 'Amazon Simple Storage Service', '-1.2500000000'],
  ['333333333333', 'Impuesto de "Sociedad Limitada" señal €', 'AWS Support (Business, Developer)', ''],
  ['444444444444', 'plain', 'Amazon Relational Database Service', '3.5'],
];

describe('csvRows', () => {
  it('gives the same rows whatever the size of the pieces the bytes arrive in', async () => {
    const bytes = encoder.encode(TEXT);
    for (let size = 1; size <= bytes.length; size++) assert.deepEqual(await allRows(bytePieces(bytes, size)), EXPECTED, `pieces of ${size} bytes`);
  });

  it('reads \\r\\n line ends (told by the header line) and a final line end, skips blank lines and a byte order mark', async () => {
    const text = `\uFEFF${TEXT.replace(/\n(?=\d)/g, '\r\n')}\r\n\r\n`;
    for (const size of [1, 5, 64, 10_000]) assert.deepEqual(await allRows(bytePieces(encoder.encode(text), size)), EXPECTED, `pieces of ${size} bytes`);
  });

  it('yields rows in batches as the bytes arrive, not all at the end', async () => {
    const line = '222222222222,Usage,0.0100000000\n';
    const bytes = encoder.encode(`lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UnblendedCost\n${line.repeat(10_000)}`);
    const sizes: number[] = [];
    for await (const batch of csvRows(bytePieces(bytes, 4096))) sizes.push(batch.length);
    assert.ok(sizes.length > 50, `${sizes.length} batches`);
    assert.equal(
      sizes.reduce((a, b) => a + b),
      10_001,
    );
  });

  it('cancels its stream when the loop is left early', async () => {
    let cancelled!: () => void;
    const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(encoder.encode('a,b\n1,2\n')),
      cancel: () => cancelled(),
    });
    for await (const batch of csvRows(stream)) {
      assert.deepEqual(batch[0], ['a', 'b']);
      break;
    }
    await wasCancelled;
  });

  it('ends at once when its signal aborts while a read waits, and cancels the stream', async () => {
    let cancelled!: () => void;
    const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
    const controller = new AbortController();
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulls++;
          // The first pull gives a row and a half; the next one never answers: only the abort ends the reading.
          if (pulls === 1) c.enqueue(encoder.encode('a,b\n1,2\n3,'));
          else {
            controller.abort();
            return new Promise<void>(() => {});
          }
        },
        cancel: () => cancelled(),
      },
      {highWaterMark: 0},
    );
    assert.deepEqual(await allRows(stream, controller.signal), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    await wasCancelled;
  });
});

describe('udsvChunkParser', () => {
  it('gives a header without a line end once, skips blank lines before the header, and no row for blank text', () => {
    assert.deepEqual(udsvChunkParser().end('a,b,c'), [['a', 'b', 'c']]);
    const parser = udsvChunkParser();
    assert.deepEqual(parser.push('\n\r\n'), []);
    assert.deepEqual(parser.push('a,b\n1,2\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parser.end(), []);
    assert.deepEqual(udsvChunkParser().end('\n'), []);
  });

  it('keeps a row cut by a piece end for the next piece, and gives the last row without a line end at the end', () => {
    const parser = udsvChunkParser();
    assert.deepEqual(parser.push('a,b,c\n1,"x'), [['a', 'b', 'c']]);
    assert.deepEqual(parser.push('\ny",2\n3,4,'), [['1', 'x\ny', '2']]);
    assert.deepEqual(parser.end('5'), [['3', '4', '5']]);
  });
});
