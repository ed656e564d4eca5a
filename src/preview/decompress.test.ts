/**
 * In the browser, whose DecompressionStream fails with a bare TypeError either way: a truncated GZIP is still told
 * from a corrupt one (by when it fails), and a ZIP streams through fflate as in Node.
 */
import {expect} from '@open-wc/testing';
import {zipSync} from 'fflate';
import {bytePieces} from '../../test/helpers/byte-pieces.ts';
import {decompressed} from './decompress.ts';
import {PreviewError} from './preview-error.ts';

const CSV = `lineItem/UsageAccountId,lineItem/UnblendedCost\n${'222222222222,0.0416000000\n'.repeat(20_000)}`;
const csvBytes = new TextEncoder().encode(CSV);

async function gzipped(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

// Not `new Response(stream).text()`: it turns the stream's error into its own TypeError.
async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let out = '';
  for (let next = await reader.read(); !next.done; next = await reader.read()) out += decoder.decode(next.value, {stream: true});
  return out + decoder.decode();
}

async function failure(stream: ReadableStream<Uint8Array>): Promise<string> {
  try {
    await text(stream);
  } catch (error) {
    expect(error).to.be.instanceOf(PreviewError);
    return (error as PreviewError).code;
  }
  throw new Error('the stream ended without an error');
}

const withByte = (bytes: Uint8Array, at: number, value: number) => {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
};

describe('decompressed, in the browser', () => {
  it('gives a GZIP file’s CSV whatever the pieces its bytes arrive in', async () => {
    const gzip = await gzipped(csvBytes);
    for (const size of [7, 4096, gzip.length]) expect(await text(decompressed(bytePieces(gzip, size), 'GZIP'))).to.equal(CSV);
  });

  it('tells a truncated GZIP file from a corrupt one', async () => {
    const gzip = await gzipped(csvBytes);
    for (const cut of [5, Math.floor(gzip.length / 2), gzip.length - 4]) {
      expect(await failure(decompressed(bytePieces(gzip.subarray(0, cut)), 'GZIP')), `cut at ${cut}`).to.equal('PREVIEW_TRUNCATED');
    }
    for (const corrupt of [csvBytes.slice(0, 5000), withByte(gzip, 10, 0xff), withByte(gzip, gzip.length - 6, gzip[gzip.length - 6]! ^ 1)]) {
      expect(await failure(decompressed(bytePieces(corrupt), 'GZIP'))).to.equal('PREVIEW_CORRUPT');
    }
  });

  it('gives a ZIP file’s .csv entry, and says when it is truncated', async () => {
    const zip = zipSync({'abiquo-hourly-00001.csv': csvBytes});
    expect(await text(decompressed(bytePieces(zip, 1000), 'ZIP'))).to.equal(CSV);
    expect(await failure(decompressed(bytePieces(zip.subarray(0, zip.length / 2)), 'ZIP'))).to.equal('PREVIEW_TRUNCATED');
  });
});
