/**
 * Local checks of the bucket side of the input (bucket, region, prefix, report name), before any request: what is
 * malformed, and a secret pasted into one of them (named by its field or property, never quoted).
 */
import {cleanField} from '../parse-keys.ts';
import {holdsSecret, parseBucket, parsePrefix, parseRegion, parseReportName} from '../parse-location.ts';
import type {Check, SetupInput} from '../types.ts';
import type {Wanted} from './report-choice.ts';

export interface Location {
  readonly checks: Check[];
  readonly bucket?: string;
  readonly region?: string;
  readonly wanted: Wanted;
}

/** Local parsing of the bucket side of the input; `bucket` is absent when anything is malformed. */
export function parseLocation(input: SetupInput): Location {
  if (!cleanField(input.bucket)) return {checks: [], wanted: {}};
  if (holdsSecret(input.bucket, input.keys.secretAccessKey))
    return {checks: [{code: 'LOCATION_HOLDS_SECRET', status: 'fail', field: 'bucket', facts: {}}], wanted: {}};
  // Region, prefix and report name come from the keynode's properties: name the property, never its value.
  const properties = [
    ['region', 'amazon_bucket_region', input.region],
    ['prefix', 'amazon_bucket_prefix', input.prefix],
    ['reportName', 'amazon_report_name', input.reportName],
  ] as const;
  const holding = properties.find(([, , value]) => holdsSecret(value, input.keys.secretAccessKey));
  if (holding) return {checks: [{code: 'PROPERTY_HOLDS_SECRET', status: 'fail', field: holding[0], facts: {property: holding[1]}}], wanted: {}};
  const checks: Check[] = [];
  const bucket = parseBucket(input.bucket);
  const region = parseRegion(input.region);
  const prefix = parsePrefix(input.prefix);
  const reportName = parseReportName(input.reportName);
  if (!bucket.ok) checks.push({code: 'BUCKET_MALFORMED', status: 'fail', field: 'bucket', facts: bucket.facts ?? {}});
  if (!region.ok) checks.push({code: 'REGION_MALFORMED', status: 'fail', field: 'region', facts: region.facts ?? {}});
  if (!prefix.ok) checks.push({code: 'PREFIX_MALFORMED', status: 'fail', field: 'prefix', facts: prefix.facts ?? {}});
  if (!reportName.ok) checks.push({code: 'REPORT_NAME_MALFORMED', status: 'fail', field: 'reportName', facts: reportName.facts ?? {}});
  if (!bucket.ok || !region.ok || !prefix.ok || !reportName.ok) return {checks, wanted: {}};
  const wanted: Wanted = {
    ...(reportName.value ? {reportName: reportName.value} : {}),
    ...(prefix.value ? {prefix: prefix.value} : {}),
    ...(bucket.value.path ? {path: bucket.value.path} : {}),
  };
  const typedRegion = region.value ?? bucket.value.region;
  return {checks, bucket: bucket.value.bucket, ...(typedRegion ? {region: typedRegion} : {}), wanted};
}
