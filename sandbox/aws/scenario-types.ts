/**
 * Shape of a scenario's `aws` section (documented in docs/sandbox-aws.md).
 * Everything is plain JSON so new cases need no code.
 */

export interface AwsScenario {
  /** ISO instant the generated reports treat as "now" (billing periods end at its month); default: the real now. */
  now?: string;
  accounts: AwsAccount[];
  users: AwsUser[];
  buckets: AwsBucket[];
}

export interface AwsAccount {
  id: string;
  alias?: string;
}

/** IAM action (`s3:GetObject`, globs such as `s3:*` allowed) → resource ARN globs (`*` and `?`). */
export type AwsPermissions = Record<string, string[]>;

export interface AwsUser {
  account: string;
  /** IAM user name; ignored for root keys. */
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Root-account keys: identity `arn:aws:iam::<account>:root`, every action on the account's own buckets. */
  root?: boolean;
  /** Every request signed with this key gets `ExpiredToken`. */
  expired?: boolean;
  /** For temporary (`ASIA…`) keys: the session token the request must carry as `x-amz-security-token`. */
  sessionToken?: string;
  /** Unique ID returned as `UserId` by GetCallerIdentity; derived from the name when absent. */
  userId?: string;
  permissions?: AwsPermissions;
}

export interface AwsBucket {
  /** Dotted names (`acme.billing.reports`) are allowed, as on S3. */
  name: string;
  region: string;
  account: string;
  /**
   * What GetBucketLocation answers, when it is not the region itself: `EU` for a bucket created in eu-west-1 with
   * the legacy constraint, `""` (an empty element, "null" in AWS's docs) for us-east-1, which is also the default
   * there. Every `x-amz-bucket-region` header still names the real region.
   */
  locationConstraint?: 'EU' | '';
  contents?: BucketContent[];
}

export type BucketContent = LegacyCurContent | LegacyCurDefinedNoDataContent | Cur2Content | ParquetContent | BulkContent | ObjectContent;

/** Fields shared by every generated cost report. */
interface ReportBase {
  /** Report path prefix without leading or trailing `/`; `""` or absent for none. */
  prefix?: string;
  /** Number of monthly billing periods, the current month included (default 3). */
  periods?: number;
  /** Usage accounts besides the payer (the bucket's account). */
  linkedAccounts?: string[];
  /** Line items per data file (default 50). */
  rowsPerFile?: number;
}

/**
 * The report's definition as `cur:DescribeReportDefinitions` returns it to the bucket's account: derived from the
 * content, these fields override it; `false` means no definition (a copy of a report, not one AWS delivers).
 */
export type DefinitionOverride =
  | false
  | {
      timeUnit?: 'HOURLY' | 'DAILY' | 'MONTHLY';
      /** `ReportStatus.lastStatus` (default SUCCESS once delivered). */
      lastStatus?: 'SUCCESS' | 'ERROR_PERMISSIONS' | 'ERROR_NO_BUCKET';
    };

/** How a legacy report's manifests were broken after AWS wrote them (every manifest of the report). */
export interface ManifestBreakage {
  /** File name instead of `<reportName>-Manifest.json` (e.g. another case); `null`: no manifest at all. */
  fileName?: string | null;
  /** Raw text instead of the JSON (e.g. a copy cut short). */
  body?: string;
  /** Manifest fields replaced (`reportName`, `bucket`, `compression`, `contentType`, …). */
  fields?: Record<string, unknown>;
  /** Columns (`category/name`) missing from the manifest and the CSV header. */
  dropColumns?: string[];
}

/**
 * The newest period (the month of `now`) while AWS has not finished its first delivery of it; the periods before
 * are complete, their last delivery a day before `deliveredAt`. `complete`: like every other period.
 * `no-period-manifest`: one `<assemblyId>/` folder with its data files and its own manifest, but no
 * `<name>-Manifest.json` in the period folder yet. `data-only`: the data files only, no manifest at all (with
 * OVERWRITE_REPORT, both mean data files directly in the period folder and no manifest). `none`: nothing for the
 * period (S3 has no empty folders, so no period folder either).
 */
export type NewestPeriod = 'complete' | 'no-period-manifest' | 'data-only' | 'none';

export interface LegacyCurContent extends ReportBase {
  type: 'legacy-cur';
  reportName: string;
  /**
   * Keys begin with `/` (`/<reportName>/…`, `/aws-programmatic-access-test-object`): what AWS writes for a report
   * whose path prefix is empty (docs/console-compatibility.md #30). Only with an empty `prefix`.
   */
  leadingSlash?: boolean;
  newestPeriod?: NewestPeriod;
  /**
   * When AWS's latest delivery run happened: an ISO instant or a duration before `now` (`-6h`, `-45d`); default an
   * hour before `now`. Each object's Last-Modified is its delivery time. AWS refreshes open periods daily: each
   * period's last assembly is delivered at this instant (a closed period's at most 2 days after its end), earlier
   * assemblies a day apart before it, and nothing before a period starts (so a `deliveredAt` long ago leaves the
   * newest periods without folders, as when deliveries stopped).
   */
  deliveredAt?: string;
  /** `Parquet`: a Parquet report without Athena, in the same period/assembly layout as CSV. */
  compression?: 'GZIP' | 'ZIP' | 'Parquet';
  versioning?: 'CREATE_NEW_REPORT' | 'OVERWRITE_REPORT';
  timeUnit?: 'HOURLY' | 'DAILY';
  /** Deliveries kept per period with CREATE_NEW_REPORT (default 1; AWS adds one per refresh). */
  assembliesPerPeriod?: number;
  definition?: DefinitionOverride;
  manifest?: ManifestBreakage;
}

/** A report was created but AWS has delivered nothing yet: only its access-test object exists. */
export interface LegacyCurDefinedNoDataContent {
  type: 'legacy-cur-defined-no-data';
  prefix?: string;
  reportName: string;
  definition?: DefinitionOverride;
}

export interface Cur2Content extends ReportBase {
  type: 'cur2';
  exportName: string;
}

/** Athena-integrated legacy CUR: Parquet, overwrite, `year=/month=` partitions. */
export interface ParquetContent extends ReportBase {
  type: 'parquet';
  reportName: string;
  definition?: DefinitionOverride;
}

/** Unrelated objects in bulk (e.g. access logs), `count` of them under `prefix`. */
export interface BulkContent {
  type: 'bulk';
  prefix: string;
  count: number;
  /** `flat`: all keys directly under the prefix, like S3 server access logs; `daily`: `YYYY/MM/DD/` folders like CloudTrail. */
  layout?: 'flat' | 'daily';
  /**
   * Spreads the objects round-robin among this many folders `<prefix>folder-0001/` … (4 digits at least), each with
   * the layout above; with `prefix` "" they are top-level folders. Folders that get no object do not exist.
   */
  folders?: number;
}

export interface ObjectContent {
  type: 'object';
  /** Any S3 key, including one that begins with `/`. */
  key: string;
  body: string;
  contentType?: string;
  /** Last-Modified for GetObject/HeadObject and listings: ISO instant or a duration before `now` (`-3d`); default: when the store was seeded. */
  lastModified?: string;
}
