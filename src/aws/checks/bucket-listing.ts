/** What the bucket's listing (discovery's first requests) says: listed, missing, refused, or failed otherwise. */
import type {Discovery} from '../discover-reports.ts';
import type {Check} from '../types.ts';
import {failureCheck} from './check-context.ts';

/** `region`: where S3 showed the bucket is, if it did. */
export function listingChecks(bucket: string, region: string | undefined, discovery: Discovery): Check[] {
  if (discovery.listed) return [{code: 'S3_LIST_OK', status: 'pass', field: 'bucket', facts: {bucket, region: region ?? discovery.region}}];
  const failure = discovery.failures[0];
  if (failure?.kind === 'accessDenied')
    return [{code: 'S3_LIST_PERMISSION_MISSING', status: 'fail', field: 'bucket', facts: {bucket, region: region ?? '—', arn: `arn:aws:s3:::${bucket}`}}];
  if (failure?.kind === 'noSuchBucket') return [{code: 'BUCKET_NOT_FOUND', status: 'fail', field: 'bucket', facts: {bucket}}];
  return failure ? [failureCheck(failure, 'ListObjectsV2', 'bucket')] : [];
}
