/**
 * HeadBucket, for existence and region: S3 sends `x-amz-bucket-region` on 200, 301, 400 and 403, whatever the
 * permissions (as S3's HeadBucket documentation says). List permission is judged by the listings, not here.
 */
import {HeadBucketCommand} from '@aws-sdk/client-s3';
import {classifyAwsError, type AwsFailure} from '../aws-errors.ts';
import type {Check} from '../types.ts';
import {failureCheck, sendOptions, type CheckContext} from './check-context.ts';

export interface RegionOutcome {
  readonly checks: Check[];
  /** The bucket's region when S3 told it. */
  readonly region?: string;
  readonly exists: boolean;
  readonly failure?: AwsFailure;
}

function regionChecks(bucket: string, region: string, given: string | undefined): Check[] {
  if (given && given !== region) return [{code: 'BUCKET_REGION_CORRECTED', status: 'warn', field: 'region', facts: {bucket, region, given}}];
  return [{code: 'BUCKET_REGION_OK', status: 'pass', field: 'region', facts: {bucket, region}}];
}

/** `guess` signs the request: the region typed, else us-east-1. */
export async function checkBucketRegion(bucket: string, guess: string, given: string | undefined, context: CheckContext): Promise<RegionOutcome> {
  const {s3} = context.clients.forRegion(guess);
  try {
    const out = await s3.send(new HeadBucketCommand({Bucket: bucket}), sendOptions(context));
    const region = out.BucketRegion ?? guess;
    return {checks: regionChecks(bucket, region, given), region, exists: true};
  } catch (error) {
    const failure = classifyAwsError(error, true);
    if (failure.kind === 'aborted') return {checks: [], exists: false, failure};
    if (failure.kind === 'noSuchBucket')
      return {checks: [{code: 'BUCKET_NOT_FOUND', status: 'fail', field: 'bucket', facts: {bucket}}], exists: false, failure};
    if (failure.bucketRegion) return {checks: regionChecks(bucket, failure.bucketRegion, given), region: failure.bucketRegion, exists: true, failure};
    // A bodiless 403 without region: bad keys or a denied HEAD; STS and the listings say which.
    if (failure.kind === 'accessDenied') return {checks: [], exists: true, failure};
    return {checks: [failureCheck(failure, 'HeadBucket', 'bucket')], exists: false, failure};
  }
}
