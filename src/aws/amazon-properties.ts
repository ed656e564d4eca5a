/**
 * The one module that decides the six `amazon_*` enterprise properties Abiquo's AWS billing reads, and how current
 * values are read: an existing `GZIP` means the same as `GZ`, `no` the same as `dedicated`, and an absent
 * `amazon_mpa` the same as `shared`, so none of them shows as a change.
 */
import type {VerifiedReport} from './types.ts';

export type CostBasis = 'blended' | 'unblended';

export const amazonPropertyNames = [
  'amazon_bucket',
  'amazon_bucket_region',
  'amazon_report_name',
  'amazon_bucket_prefix',
  'amazon_billing_compress_format',
  'amazon_mpa',
] as const;
export type AmazonPropertyName = (typeof amazonPropertyNames)[number];

const GZIP_SPELLINGS = ['GZ', 'GZIP'];
const BLENDED_SPELLINGS = ['dedicated', 'no'];

/** What a current property value means, so equal meanings compare equal. */
function meaning(name: AmazonPropertyName, value: string | undefined): string | undefined {
  if (name === 'amazon_billing_compress_format') return value !== undefined && GZIP_SPELLINGS.includes(value) ? 'GZIP' : value;
  if (name === 'amazon_mpa')
    return value !== undefined && BLENDED_SPELLINGS.includes(value) ? 'blended' : value === undefined || value === 'shared' ? 'unblended' : value;
  return value;
}

/** Whether writing `next` over `current` changes what Abiquo does. */
export function isUnchanged(name: AmazonPropertyName, current: string | undefined, next: string): boolean {
  return meaning(name, current) === meaning(name, next);
}

/** The cost basis the current properties select (absent `amazon_mpa` means unblended). */
export function readCostBasis(current: Readonly<Record<string, string>>): CostBasis {
  return meaning('amazon_mpa', current.amazon_mpa) === 'blended' ? 'blended' : 'unblended';
}

/** The six values for a verified report; an existing spelling with the same meaning is kept as it is. */
export function toAmazonProperties(
  report: VerifiedReport,
  choice: {costs: CostBasis},
  current: Readonly<Record<string, string>> = {},
): Record<AmazonPropertyName, string> {
  const next: Record<AmazonPropertyName, string> = {
    amazon_bucket: report.bucket,
    amazon_bucket_region: report.region,
    amazon_report_name: report.reportName,
    amazon_bucket_prefix: report.prefix.replace(/^\/+|\/+$/g, ''),
    amazon_billing_compress_format: report.compression === 'GZIP' ? 'GZ' : 'ZIP',
    amazon_mpa: choice.costs === 'blended' ? 'dedicated' : 'shared',
  };
  for (const name of ['amazon_billing_compress_format', 'amazon_mpa'] as const) {
    const existing = current[name];
    if (existing !== undefined && isUnchanged(name, existing, next[name])) next[name] = existing;
  }
  return next;
}

export interface PropertyChange {
  readonly name: AmazonPropertyName;
  readonly current?: string;
  readonly next: string;
  readonly changed: boolean;
}

/** The diff the tab shows: one line per `amazon_*` property. */
export function diffAmazonProperties(current: Readonly<Record<string, string>>, next: Readonly<Record<AmazonPropertyName, string>>): PropertyChange[] {
  return amazonPropertyNames.map((name) => {
    const value = current[name];
    return {name, ...(value !== undefined ? {current: value} : {}), next: next[name], changed: !isUnchanged(name, value, next[name])};
  });
}
