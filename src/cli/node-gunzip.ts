/**
 * GZIP for the preview in Node (the CLI, the benchmark): zlib with 64 KB output pieces. Node's DecompressionStream is
 * the same zlib handing out 16 KB pieces, and handing out that many costs more than inflating them; larger pieces
 * than 64 KB grew the peak memory past its target for no further gain (bench/preview.ts, docs/benchmarks.md). Its
 * failures carry the zlib codes (Z_BUF_ERROR, Z_DATA_ERROR) the engine tells truncated from corrupt by.
 */
import {Duplex} from 'node:stream';
import {createGunzip} from 'node:zlib';
import type {Decompressor} from '../preview/decompress.ts';

export const nodeGunzip = (): Decompressor => Duplex.toWeb(createGunzip({chunkSize: 1 << 16})) as Decompressor;
