/**
 * Where s3rver keeps an object. An S3 key may hold empty path segments: `/report/…` (what AWS writes for a report
 * whose path prefix is empty) or `a//b`. s3rver 3.7 cannot: its router needs non-empty segments (a GET of
 * `/bucket//report/x` got Koa's plain-text 404), and its store joins segments as file paths, so `/report/x` and
 * `report/x` would be one file (and `a/../b` would be `b`). The seeder and the proxy therefore store each empty, `.`
 * or `..` segment under a reserved name. Listings come from the proxy's key index, which holds the real keys, so the
 * reserved names never show.
 */

/** Reserved segment names; a real key segment with one of these names is not supported. */
const RESERVED: Readonly<Record<string, string>> = {'': '_sandbox-empty-segment_', '.': '_sandbox-dot-segment_', '..': '_sandbox-dotdot-segment_'};

/** `/report/x` → `_sandbox-empty-segment_/report/x`. A trailing `/` is kept: s3rver stores folder objects. */
export function storageKey(key: string): string {
  const segments = key.split('/');
  return segments.map((segment, i) => (i < segments.length - 1 || segment !== '' ? (RESERVED[segment] ?? segment) : segment)).join('/');
}

/** The path-style request path for s3rver: `/<bucket>/<storage key, each segment URL-encoded>`. */
export function storagePath(bucket: string, key: string): string {
  return `/${encodeURIComponent(bucket)}/${storageKey(key).split('/').map(encodeURIComponent).join('/')}`;
}
