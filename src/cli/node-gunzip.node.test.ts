import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import {decompressed} from '../preview/decompress.ts';
import {PreviewError} from '../preview/preview-error.ts';
import {nodeGunzip} from './node-gunzip.ts';

const CSV = 'lineItem/UsageAccountId,lineItem/UnblendedCost\n123456789012,0.0416000000\n'.repeat(2000);
const stream = (bytes: Uint8Array, size = 4096) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
      controller.close();
    },
  });

async function read(body: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value, {stream: true});
  return text + decoder.decode();
}

const failure = (body: ReadableStream<Uint8Array>) =>
  read(body).then(
    () => 'none',
    (error: unknown) => (error instanceof PreviewError ? error.code : String(error)),
  );

describe("Node's zlib as the preview's GZIP decompressor", () => {
  const gzip = gzipSync(CSV);
  it('gives the file back whole', async () => {
    assert.equal(await read(decompressed(stream(gzip), 'GZIP', nodeGunzip)), CSV);
  });
  it('tells a truncated file from a corrupt one, as the platform decompressor does', async () => {
    assert.equal(await failure(decompressed(stream(gzip.subarray(0, gzip.length - 40)), 'GZIP', nodeGunzip)), 'PREVIEW_TRUNCATED');
    const corrupt = Uint8Array.from(gzip);
    corrupt.fill(0x55, 20, 60);
    assert.equal(await failure(decompressed(stream(corrupt), 'GZIP', nodeGunzip)), 'PREVIEW_CORRUPT');
  });
  it('stops the download when its reader cancels (the operator pressed Cancel), leaving no error unhandled', async () => {
    let cancelled!: (reason: unknown) => void;
    const wasCancelled = new Promise((resolve) => (cancelled = resolve));
    // A body that gives a first piece, then never another: only cancelling ends it.
    const hanging = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(gzip.slice(0, 4096)),
      cancel: (reason) => cancelled(reason),
    });
    const reader = decompressed(hanging, 'GZIP', nodeGunzip).getReader();
    await reader.read();
    await reader.cancel('enough');
    assert.equal(await wasCancelled, 'enough');
  });
});
