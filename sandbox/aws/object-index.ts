/**
 * A sorted in-memory index of each bucket's keys, which the proxy lists from instead of s3rver. s3rver 3.7 lists by
 * walking its folders: it misses common prefixes whose objects all sit two or more folders deeper (listing `cur/`
 * never shows `cur/abiquo-hourly/`), costs time in proportion to the objects under the prefix, and its ListObjectsV2
 * continuation tokens use DES, which OpenSSL 3 (Node 17+) refuses, so every truncated v2 listing fails with 500.
 * Here a delimiter listing costs a binary search per returned entry, as the benchmarks need.
 */

export interface IndexedObject {
  key: string;
  size: number;
  /** Quoted MD5, as S3's ETag. */
  etag: string;
  lastModified: Date;
  /** The object itself, for objects held in memory instead of s3rver's store (bulk filler). */
  inMemory?: {readonly body: Buffer; readonly contentType: string};
}

export interface ListRequest {
  prefix: string;
  delimiter: string;
  /** Exclusive lower bound: `start-after`, `marker` or a decoded continuation token. */
  after: string;
  maxKeys: number;
}

export interface ListResult {
  contents: IndexedObject[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last entry returned (key or common prefix), from which the next page starts. */
  lastEntry?: string;
}

// Above every character a key can contain: `p + HIGHEST` sorts after all keys that start with `p`.
const HIGHEST = '\u{10FFFF}';

export class ObjectIndex {
  private readonly keys: string[] = [];
  private readonly objects = new Map<string, IndexedObject>();
  private sorted = true;

  put(object: IndexedObject): void {
    if (!this.objects.has(object.key)) {
      this.keys.push(object.key);
      this.sorted = false;
    }
    this.objects.set(object.key, object);
  }

  get(key: string): IndexedObject | undefined {
    return this.objects.get(key);
  }

  delete(key: string): void {
    if (!this.objects.delete(key)) return;
    this.ensureSorted();
    this.keys.splice(this.lowerBound(key), 1);
  }

  get size(): number {
    return this.keys.length;
  }

  list({prefix, delimiter, after, maxKeys}: ListRequest): ListResult {
    this.ensureSorted();
    const result: ListResult = {contents: [], commonPrefixes: [], isTruncated: false};
    let start = after >= prefix ? after : prefix;
    // Resuming after a common prefix skips everything beneath it.
    if (delimiter && after.startsWith(prefix) && after.endsWith(delimiter) && after.indexOf(delimiter, prefix.length) === after.length - delimiter.length) {
      start = after + HIGHEST;
    }
    let i = this.lowerBound(start);
    if (i < this.keys.length && this.keys[i] === after) i++;
    while (i < this.keys.length && this.keys[i]!.startsWith(prefix)) {
      const key = this.keys[i]!;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (result.contents.length + result.commonPrefixes.length >= maxKeys) {
        result.isTruncated = true;
        break;
      }
      if (cut >= 0) {
        const common = key.slice(0, cut + delimiter.length);
        result.commonPrefixes.push(common);
        result.lastEntry = common;
        i = this.lowerBound(common + HIGHEST);
      } else {
        result.contents.push(this.objects.get(key)!);
        result.lastEntry = key;
        i++;
      }
    }
    return result;
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    this.keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.sorted = true;
  }

  private lowerBound(target: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
