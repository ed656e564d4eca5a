/**
 * The closed list of check codes. Each has a message `check_<CODE>` in every locale (a convention test
 * enforces it) whose `$PLACEHOLDERS$` are the check's facts.
 */
export const checkCodes = [
  // Local input checks: no request is sent when one of these fails.
  'KEY_ID_MISSING',
  'KEY_ID_MALFORMED',
  'KEY_ID_TEMPORARY',
  'KEYS_SWAPPED',
  'SECRET_MISSING',
  'SECRET_MALFORMED',
  'KEY_FORMAT_OK',
  'BUCKET_MALFORMED',
  'REGION_MALFORMED',
  'PREFIX_MALFORMED',
  'REPORT_NAME_MALFORMED',
  'LOCATION_HOLDS_SECRET',
  'PROPERTY_HOLDS_SECRET',
  // STS GetCallerIdentity
  'STS_IDENTITY_OK',
  'STS_ROOT_KEYS',
  'STS_UNEXPECTED_USER',
  'AWS_KEY_UNKNOWN',
  'AWS_SECRET_MISMATCH',
  'AWS_TOKEN_EXPIRED',
  'AWS_CLOCK_SKEW',
  // Bucket
  'BUCKET_NOT_FOUND',
  'BUCKET_REGION_OK',
  'BUCKET_REGION_CORRECTED',
  'S3_LIST_PERMISSION_MISSING',
  'S3_LIST_OK',
  // Discovery
  'REPORTS_FOUND',
  'REPORT_NOT_FOUND',
  'REPORT_NAME_SUGGESTION',
  'REPORT_NOT_SELECTED',
  'CUR2_UNSUPPORTED',
  'PARQUET_UNSUPPORTED',
  // Manifest
  'MANIFEST_OK',
  'MANIFEST_NOT_FOUND',
  'MANIFEST_INVALID',
  'S3_GET_PERMISSION_MISSING',
  'MANIFEST_NAME_MISMATCH',
  'MANIFEST_BUCKET_MISMATCH',
  'COMPRESSION_UNSUPPORTED',
  'CONTENT_TYPE_UNSUPPORTED',
  'COLUMNS_MISSING',
  'COLUMNS_OK',
  'DATA_NOT_YET',
  'DATA_DELIVERED',
  // Optional CUR API
  'REPORT_DEFINITION_UNREADABLE',
  'REPORT_HOURLY',
  'REPORT_NOT_HOURLY',
  'REPORT_DELIVERY_FAILING',
  // Any request
  'AWS_THROTTLED',
  'AWS_NETWORK',
  'AWS_TIMEOUT',
  'AWS_UNKNOWN',
  // The extension itself (worker gone or failing, AWS access turned off in the browser): never an AWS answer.
  'AWS_ACCESS_REVOKED',
  'EXTENSION_RELOADED',
  'EXTENSION_INTERNAL',
] as const;

export type CheckCode = (typeof checkCodes)[number];
