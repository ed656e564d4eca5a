/**
 * The happy-path scenario's main identities, for tests and the demo. Obviously fake (they contain EXAMPLE);
 * sandbox/scenarios/happy-path.json holds the same values and a test checks they agree.
 */

export const PAYER_ACCOUNT = '123456789012';
export const BILLING_BUCKET = 'acme-billing-reports';
export const BILLING_REGION = 'us-east-1';
export const REPORT_PREFIX = 'cur';
export const REPORT_NAME = 'abiquo-hourly';

/** `abiquo-billing-user` in the payer account: ListBucket/GetBucketLocation on the bucket, GetObject on `cur/*`. */
export const PRICING_KEY = {
  accessKeyId: 'AKIAPRICINGUSEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

/** `abiquo-billing-user-public` in each linked account (no S3 permissions needed: Abiquo only reads identities). */
export const LINKED_KEYS = [
  {account: '210987654321', accessKeyId: 'AKIALINKEDAEXAMPLE22', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEA'},
  {account: '345678901234', accessKeyId: 'AKIALINKEDBEXAMPLE33', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEB'},
  {account: '456789012345', accessKeyId: 'AKIALINKEDCEXAMPLE44', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEC'},
] as const;

/** A member account with usage in the happy path's report that nobody has keys for: no linked enterprise can claim it. */
export const UNCLAIMED_ACCOUNT = '567890123456';
