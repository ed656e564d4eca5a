/**
 * GZIP for the preview in Node (the CLI, the benchmark): zlib with 64 KB output pieces, running up to 1 MB ahead of
 * the reader. Node's DecompressionStream is the same zlib handing out 16 KB pieces, and handing out that many costs
 * more than inflating them; `Duplex.toWeb` copies every piece and pauses zlib after each one, so the inflating (on
 * libuv's threads) waited on the parsing instead of overlapping it (bench/preview.ts, docs/benchmarks.md). Its
 * failures carry the zlib codes (Z_BUF_ERROR, Z_DATA_ERROR) the engine tells truncated from corrupt by.
 */
import {Writable} from 'node:stream';
import {ReadableStream} from 'node:stream/web';
import {createGunzip, type ZlibOptions} from 'node:zlib';
import type {Decompressor} from '../preview/decompress.ts';

// Stream options reach zlib's Transform; the zlib typings list only zlib's own.
const OPTIONS: ZlibOptions & {readonly readableHighWaterMark: number} = {chunkSize: 1 << 16, readableHighWaterMark: 1 << 20};

export function nodeGunzip(): Decompressor {
  const gunzip = createGunzip(OPTIONS);
  return {writable: Writable.toWeb(gunzip), readable: ReadableStream.from<Uint8Array>(gunzip)} as Decompressor;
}
