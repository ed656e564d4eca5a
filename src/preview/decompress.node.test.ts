/** GZIP and ZIP report files decompressed as they stream, and each way they can fail told apart. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setImmediate as turn} from 'node:timers/promises';
import {gzipSync} from 'node:zlib';
import {Zip, ZipDeflate, zipSync} from 'fflate';
import {decompressed} from './decompress.ts';
import {PreviewError} from './preview-error.ts';

const CSV = `lineItem/UsageAccountId,lineItem/UnblendedCost\n${'222222222222,0.0416000000\n'.repeat(20_000)}`;
const csvBytes = new TextEncoder().encode(CSV);
const gzip = new Uint8Array(gzipSync(csvBytes));

/** A stream of `bytes` in pieces of `size`; then it ends, or (`then: 'hang'`) waits for ever. Says when cancelled. */
function body(bytes: Uint8Array, size = 4096, then: 'end' | 'hang' = 'end') {
  let at = 0;
  let cancelled!: (reason: unknown) => void;
  const wasCancelled = new Promise<unknown>((resolve) => (cancelled = resolve));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at < bytes.length) {
          controller.enqueue(bytes.slice(at, at + size));
          at += size;
        } else if (then === 'end') controller.close();
        else return new Promise<void>(() => {});
      },
      cancel: (reason) => cancelled(reason),
    },
    {highWaterMark: 0},
  );
  return {stream, wasCancelled};
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out += decoder.decode(next.value, {stream: true});
  return out + decoder.decode();
}

/** The code of the PreviewError the stream fails with. */
async function failure(stream: ReadableStream<Uint8Array>): Promise<string> {
  const error = await text(stream).then(
    () => assert.fail('the stream ended without an error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PreviewError, `a PreviewError, not ${String(error)}`);
  return error.code;
}

const withByte = (bytes: Uint8Array, at: number, value: number) => {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
};

/** A ZIP written as a stream (sizes in data descriptors after each entry), as a streaming writer does. */
function streamedZip(entries: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, data] of Object.entries(entries)) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe('decompressed GZIP', () => {
  it('gives the CSV whatever the pieces the compressed bytes arrive in', async () => {
    for (const size of [7, 4096, gzip.length]) assert.equal(await text(decompressed(body(gzip, size).stream, 'GZIP')), CSV);
  });

  it('fails PREVIEW_TRUNCATED when the file stops early: in its header, its data or its trailer', async () => {
    for (const cut of [5, 10, Math.floor(gzip.length / 2), gzip.length - 4]) {
      assert.equal(await failure(decompressed(body(gzip.subarray(0, cut)).stream, 'GZIP')), 'PREVIEW_TRUNCATED', `cut at ${cut}`);
    }
  });

  it('fails PREVIEW_CORRUPT on what is not gzip, a bad deflate block, a bad checksum, or trailing junk', async () => {
    const cases: Record<string, Uint8Array> = {
      'not gzip': new TextEncoder().encode(CSV.slice(0, 5000)),
      'bad block type': withByte(gzip, 10, 0xff),
      'bad CRC': withByte(gzip, gzip.length - 6, gzip[gzip.length - 6]! ^ 1),
      'trailing junk': new Uint8Array([...gzip, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    };
    for (const [name, bytes] of Object.entries(cases)) assert.equal(await failure(decompressed(body(bytes).stream, 'GZIP')), 'PREVIEW_CORRUPT', name);
  });

  it('passes an error of the body itself through as it is (a failed download is no corrupt file)', async () => {
    const reset = new Error('socket hang up');
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(reset);
        controller.enqueue(gzip.subarray(0, 1000));
        sent = true;
      },
    });
    await assert.rejects(text(decompressed(failing, 'GZIP')), (error) => error === reset);
  });

  it('can be cancelled in the same tick as a read (Node’s zlib adapter would throw an uncaught exception)', async () => {
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      for (let turns = 0; turns < 12; turns++) {
        const reader = decompressed(body(gzip, 16_384).stream, 'GZIP').getReader();
        await reader.read();
        // zlib inflates on the thread pool: after a few turns its output waits in its buffer.
        for (let i = 0; i < turns; i++) await turn();
        void reader.read().catch(() => {});
        await reader.cancel();
      }
      await turn();
      assert.deepEqual(uncaught, []);
    } finally {
      process.off('uncaughtException', listener);
    }
  });

  it('cancels the body when it is cancelled', async () => {
    const {stream, wasCancelled} = body(gzip, 1000, 'hang');
    const reader = decompressed(stream, 'GZIP').getReader();
    await reader.read();
    await reader.cancel('enough');
    assert.equal(await wasCancelled, 'enough');
  });
});

describe('decompressed ZIP', () => {
  const sized = zipSync({'abiquo-hourly-00001.csv': csvBytes});
  const streamed = streamedZip({'abiquo-hourly-00001.csv': csvBytes});

  it('gives the first .csv entry, sizes in its header or in a data descriptor after it, whatever the pieces', async () => {
    for (const zip of [sized, streamed]) {
      for (const size of [7, 4096, zip.length]) assert.equal(await text(decompressed(body(zip, size).stream, 'ZIP')), CSV);
    }
  });

  it('skips entries before the .csv one', async () => {
    const zip = zipSync({'README.txt': new TextEncoder().encode('not the report'), 'report/abiquo-hourly-00001.CSV': csvBytes});
    assert.equal(await text(decompressed(body(zip).stream, 'ZIP')), CSV);
  });

  it('ends with the entry, without waiting for the rest of the archive, and stops the download', async () => {
    const centralDirectory = Buffer.from(sized).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const {stream, wasCancelled} = body(sized.subarray(0, centralDirectory), 1000, 'hang');
    assert.equal(await text(decompressed(stream, 'ZIP')), CSV);
    await wasCancelled;
  });

  it('fails PREVIEW_TRUNCATED when the archive stops inside the entry', async () => {
    for (const zip of [sized, streamed]) {
      for (const cut of [100, Math.floor(zip.length / 2)])
        assert.equal(await failure(decompressed(body(zip.subarray(0, cut)).stream, 'ZIP')), 'PREVIEW_TRUNCATED');
    }
  });

  it('fails PREVIEW_CORRUPT on what is not a ZIP, a ZIP without a .csv entry, or a bad deflate block', async () => {
    const dataStart = 30 + 'abiquo-hourly-00001.csv'.length;
    const cases: Record<string, Uint8Array> = {
      gzip,
      'no csv': zipSync({'abiquo-hourly-Manifest.json': new TextEncoder().encode('{}')}),
      'bad block type': withByte(sized, dataStart, 0xff),
    };
    for (const [name, bytes] of Object.entries(cases)) assert.equal(await failure(decompressed(body(bytes).stream, 'ZIP')), 'PREVIEW_CORRUPT', name);
  });

  it('cancels the body when it is cancelled', async () => {
    const {stream, wasCancelled} = body(streamed, 1000, 'hang');
    const reader = decompressed(stream, 'ZIP').getReader();
    await reader.read();
    await reader.cancel('enough');
    assert.equal(await wasCancelled, 'enough');
  });
});
