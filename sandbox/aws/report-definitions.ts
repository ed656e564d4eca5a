/**
 * What `cur:DescribeReportDefinitions` returns to an account: one definition per legacy report (CSV or Parquet, with
 * data or not yet) in the buckets the account owns, derived from the scenario's contents (docs/sandbox-aws.md), with
 * the content's `definition` overrides. CUR 2.0 exports are not report definitions.
 */
import {latestDelivery, legacyLastDelivery} from './cur-generator.ts';
import {scenarioNow} from './seed.ts';
import type {AwsBucket, AwsScenario, BucketContent, DefinitionOverride} from './scenario-types.ts';

export interface ReportDefinitionJson {
  ReportName: string;
  TimeUnit: string;
  Format: 'textORcsv' | 'Parquet';
  Compression: 'GZIP' | 'ZIP' | 'Parquet';
  AdditionalSchemaElements: string[];
  S3Bucket: string;
  S3Prefix: string;
  S3Region: string;
  AdditionalArtifacts?: string[];
  RefreshClosedReports: boolean;
  ReportVersioning: 'CREATE_NEW_REPORT' | 'OVERWRITE_REPORT';
  ReportStatus?: {lastDelivery?: string; lastStatus?: string};
}

/** `20250615T070000Z`, the form AWS uses for `lastDelivery`. */
const deliveryStamp = (d: Date): string => d.toISOString().replace(/[-:]|\.\d{3}/g, '');

function definitionOf(bucket: AwsBucket, content: BucketContent, now: Date): ReportDefinitionJson | undefined {
  if (content.type !== 'legacy-cur' && content.type !== 'legacy-cur-defined-no-data' && content.type !== 'parquet') return undefined;
  const override: DefinitionOverride = content.definition ?? {};
  if (override === false) return undefined;
  const athena = content.type === 'parquet';
  const compression = athena ? 'Parquet' : content.type === 'legacy-cur' ? (content.compression ?? 'GZIP') : 'GZIP';
  const delivered = content.type !== 'legacy-cur-defined-no-data';
  const lastDelivery = content.type === 'legacy-cur' ? legacyLastDelivery(content, now) : latestDelivery(now, undefined);
  return {
    ReportName: content.reportName,
    TimeUnit: override.timeUnit ?? (content.type === 'legacy-cur' ? content.timeUnit : undefined) ?? 'HOURLY',
    Format: compression === 'Parquet' ? 'Parquet' : 'textORcsv',
    Compression: compression,
    AdditionalSchemaElements: ['RESOURCES'],
    S3Bucket: bucket.name,
    S3Prefix: content.prefix ?? '',
    S3Region: bucket.region,
    ...(athena ? {AdditionalArtifacts: ['ATHENA']} : {}),
    RefreshClosedReports: true,
    // Athena integration forces Parquet and overwrite.
    ReportVersioning: athena ? 'OVERWRITE_REPORT' : content.type === 'legacy-cur' ? (content.versioning ?? 'CREATE_NEW_REPORT') : 'CREATE_NEW_REPORT',
    ...(delivered || override.lastStatus
      ? {ReportStatus: {...(delivered ? {lastDelivery: deliveryStamp(lastDelivery)} : {}), lastStatus: override.lastStatus ?? 'SUCCESS'}}
      : {}),
  };
}

/**
 * The account's definitions, in scenario order (AWS's order is not documented). `now` is the instant the bucket
 * contents were generated for (seedStore's), so that delivery times agree with the objects' Last-Modified.
 */
export function reportDefinitions(aws: AwsScenario, account: string, now: Date = scenarioNow(aws)): ReportDefinitionJson[] {
  return aws.buckets
    .filter((bucket) => bucket.account === account)
    .flatMap((bucket) => (bucket.contents ?? []).flatMap((content) => definitionOf(bucket, content, now) ?? []));
}
