/** ListObjects (v1) and ListObjectsV2 answered from the key index, in S3's XML. */
import {escapeXml} from './http-util.ts';
import type {ListResult, ObjectIndex} from './object-index.ts';

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const encodeToken = (after: string): string => Buffer.from(`sandbox:${after}`, 'utf8').toString('base64');

function decodeToken(token: string): string | undefined {
  const text = Buffer.from(token, 'base64').toString('utf8');
  return text.startsWith('sandbox:') ? text.slice('sandbox:'.length) : undefined;
}

export type ListAnswer = {ok: true; xml: string} | {ok: false; argument: string; message: string};

export function listObjects(bucket: string, index: ObjectIndex, query: URLSearchParams, v2: boolean): ListAnswer {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeysText = query.get('max-keys') ?? '1000';
  const maxKeys = Number(maxKeysText);
  if (!/^\d+$/.test(maxKeysText)) return {ok: false, argument: 'max-keys', message: 'Provided max-keys not an integer or within integer range'};
  const token = query.get('continuation-token');
  const after = v2 ? (token === null ? (query.get('start-after') ?? '') : decodeToken(token)) : (query.get('marker') ?? '');
  if (after === undefined) return {ok: false, argument: 'continuation-token', message: 'The continuation token provided is incorrect'};

  const result = index.list({prefix, delimiter, after, maxKeys: Math.min(maxKeys, 1000)});
  // With encoding-type=url, S3 URL-encodes keys and prefixes in the answer (the SDK decodes them).
  const urlEncoded = query.get('encoding-type') === 'url';
  const text = (s: string): string => escapeXml(urlEncoded ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const field = (name: string, value: string | undefined): string => (value === undefined ? '' : `<${name}>${value}</${name}>`);

  const head = v2
    ? field('ContinuationToken', token === null ? undefined : escapeXml(token)) +
      field('StartAfter', query.has('start-after') ? text(query.get('start-after')!) : undefined) +
      field('NextContinuationToken', result.isTruncated ? encodeToken(result.lastEntry!) : undefined) +
      field('KeyCount', String(result.contents.length + result.commonPrefixes.length))
    : field('Marker', text(after)) + field('NextMarker', result.isTruncated && delimiter ? text(result.lastEntry!) : undefined);
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${S3_NS}">` +
    field('Name', escapeXml(bucket)) +
    field('Prefix', text(prefix)) +
    head +
    field('MaxKeys', String(maxKeys)) +
    field('Delimiter', delimiter ? text(delimiter) : undefined) +
    field('EncodingType', urlEncoded ? 'url' : undefined) +
    field('IsTruncated', String(result.isTruncated)) +
    contentsXml(result, text, !v2) +
    result.commonPrefixes.map((p) => `<CommonPrefixes><Prefix>${text(p)}</Prefix></CommonPrefixes>`).join('') +
    '</ListBucketResult>';
  return {ok: true, xml};
}

function contentsXml(result: ListResult, text: (s: string) => string, withOwner: boolean): string {
  const owner = withOwner
    ? '<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>acme-payer</DisplayName></Owner>'
    : '';
  return result.contents
    .map(
      (o) =>
        `<Contents><Key>${text(o.key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${escapeXml(o.etag)}</ETag><Size>${o.size}</Size>${owner}<StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join('');
}
