/**
 * Names the S3 operation a REST request performs and the IAM action and resource it needs, from the method,
 * path and query alone (path-style `/bucket/key`, or virtual-hosted with the bucket taken from the host).
 */
import {bucketArn} from './permissions.ts';

export interface S3Operation {
  name: string;
  bucket?: string;
  key?: string;
  action: string;
  resource: string;
}

const BUCKET_SUBRESOURCES: Record<string, [operation: string, action: string]> = {
  location: ['GetBucketLocation', 's3:GetBucketLocation'],
  versions: ['ListObjectVersions', 's3:ListBucketVersions'],
  acl: ['GetBucketAcl', 's3:GetBucketAcl'],
  policy: ['GetBucketPolicy', 's3:GetBucketPolicy'],
  cors: ['GetBucketCors', 's3:GetBucketCORS'],
  versioning: ['GetBucketVersioning', 's3:GetBucketVersioning'],
  tagging: ['GetBucketTagging', 's3:GetBucketTagging'],
  encryption: ['GetBucketEncryption', 's3:GetEncryptionConfiguration'],
  uploads: ['ListMultipartUploads', 's3:ListBucketMultipartUploads'],
};

const OBJECT_METHODS: Record<string, [operation: string, action: string]> = {
  GET: ['GetObject', 's3:GetObject'],
  HEAD: ['HeadObject', 's3:GetObject'],
  PUT: ['PutObject', 's3:PutObject'],
  POST: ['CreateMultipartUpload', 's3:PutObject'],
  DELETE: ['DeleteObject', 's3:DeleteObject'],
};

export function s3Operation(method: string, path: string, query: URLSearchParams, vhostBucket?: string): S3Operation {
  const segments = path.replace(/^\//, '').split('/');
  const bucket = vhostBucket ?? (segments.shift() || undefined);
  const rawKey = segments.join('/');
  if (!bucket) return {name: 'ListBuckets', action: 's3:ListAllMyBuckets', resource: '*'};
  if (rawKey) {
    const key = decodeURIComponent(rawKey);
    const [name, action] = OBJECT_METHODS[method] ?? ['UnknownObjectOperation', 's3:Unknown'];
    return {name, bucket, key, action, resource: bucketArn(bucket, key)};
  }
  const resource = bucketArn(bucket);
  if (method === 'HEAD') return {name: 'HeadBucket', bucket, action: 's3:ListBucket', resource};
  if (method === 'GET') {
    const sub = Object.keys(BUCKET_SUBRESOURCES).find((s) => query.has(s));
    if (sub) {
      const [name, action] = BUCKET_SUBRESOURCES[sub]!;
      return {name, bucket, action, resource};
    }
    return {name: query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects', bucket, action: 's3:ListBucket', resource};
  }
  if (method === 'POST' && query.has('delete')) return {name: 'DeleteObjects', bucket, action: 's3:DeleteObject', resource: `${resource}/*`};
  if (method === 'PUT') return {name: 'CreateBucket', bucket, action: 's3:CreateBucket', resource};
  if (method === 'DELETE') return {name: 'DeleteBucket', bucket, action: 's3:DeleteBucket', resource};
  return {name: 'UnknownBucketOperation', bucket, action: 's3:Unknown', resource};
}
