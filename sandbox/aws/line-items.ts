/**
 * Realistic, deterministic CUR line items: usage of a few common services by each usage account, hour by hour (or
 * day by day) within a billing period, with rates and costs that add up. Keyed by legacy column names.
 */
import {createHash} from 'node:crypto';

export type Random = () => number;

/** A small seeded PRNG (mulberry32) so a scenario always generates the same bytes. */
export function seededRandom(seed: string): Random {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomChars(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export function randomUuid(random: Random): string {
  const hex = randomChars(random, '0123456789abcdef', 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Product {
  code: string;
  name: string;
  usageType: string;
  operation: string;
  family: string;
  unit: string;
  rate: number;
  /** Usage per hour. */
  amount: number;
  description: string;
  resourcePrefix: string;
  instanceType?: string;
}

const PRODUCTS: readonly Product[] = [
  {
    code: 'AmazonEC2',
    name: 'Amazon Elastic Compute Cloud',
    usageType: 'BoxUsage:t3.medium',
    operation: 'RunInstances',
    family: 'Compute Instance',
    unit: 'Hrs',
    rate: 0.0416,
    amount: 1,
    description: '$0.0416 per On Demand Linux t3.medium Instance Hour',
    resourcePrefix: 'i-0',
    instanceType: 't3.medium',
  },
  {
    code: 'AmazonEC2',
    name: 'Amazon Elastic Compute Cloud',
    usageType: 'BoxUsage:m5.large',
    operation: 'RunInstances',
    family: 'Compute Instance',
    unit: 'Hrs',
    rate: 0.096,
    amount: 1,
    description: '$0.096 per On Demand Linux m5.large Instance Hour',
    resourcePrefix: 'i-0',
    instanceType: 'm5.large',
  },
  {
    code: 'AmazonEC2',
    name: 'Amazon Elastic Compute Cloud',
    usageType: 'EBS:VolumeUsage.gp3',
    operation: 'CreateVolume-Gp3',
    family: 'Storage',
    unit: 'GB-Mo',
    rate: 0.08,
    amount: 100 / 720,
    description: '$0.08 per GB-month of General Purpose (gp3) provisioned storage - US East (Northern Virginia)',
    resourcePrefix: 'vol-0',
  },
  {
    code: 'AmazonS3',
    name: 'Amazon Simple Storage Service',
    usageType: 'TimedStorage-ByteHrs',
    operation: 'StandardStorage',
    family: 'Storage',
    unit: 'GB-Mo',
    rate: 0.023,
    amount: 250 / 720,
    description: '$0.023 per GB - first 50 TB / month of storage used',
    resourcePrefix: 'acme-data-',
  },
  {
    code: 'AmazonRDS',
    name: 'Amazon Relational Database Service',
    usageType: 'InstanceUsage:db.t3.micro',
    operation: 'CreateDBInstance:0002',
    family: 'Database Instance',
    unit: 'Hrs',
    rate: 0.017,
    amount: 1,
    description: '$0.017 per RDS db.t3.micro Single-AZ instance hour (or partial hour) running MySQL',
    resourcePrefix: 'arn:aws:rds:us-east-1:ACCOUNT:db:app-',
    instanceType: 'db.t3.micro',
  },
  {
    code: 'AWSDataTransfer',
    name: 'AWS Data Transfer',
    usageType: 'DataTransfer-Out-Bytes',
    operation: 'RunInstances',
    family: 'Data Transfer',
    unit: 'GB',
    rate: 0.09,
    amount: 0.35,
    description: '$0.090 per GB - first 10 TB / month data transfer out beyond the global free tier',
    resourcePrefix: 'i-0',
  },
];

const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';
const HEX = '0123456789abcdef';

export interface Period {
  start: Date;
  end: Date;
}

export interface LineItemOptions {
  period: Period;
  /** Usage is generated up to this instant (the period's end, or "now" for the current month). */
  until: Date;
  payer: string;
  usageAccounts: readonly string[];
  rows: number;
  timeUnit: 'HOURLY' | 'DAILY';
  random: Random;
  /** Finalized months carry an invoice ID; the current month has none yet. */
  invoiced: boolean;
}

export const isoSecond = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function lineItems(options: LineItemOptions): Record<string, string>[] {
  const {period, until, payer, usageAccounts, rows, random, timeUnit} = options;
  const stepMs = timeUnit === 'HOURLY' ? 3_600_000 : 86_400_000;
  const slots = Math.max(1, Math.floor((Math.min(until.getTime(), period.end.getTime()) - period.start.getTime()) / stepMs));
  const invoiceId = options.invoiced ? String(2_000_000_000 + Math.floor(random() * 99_999_999)) : '';
  const items: Record<string, string>[] = [];
  for (let i = 0; i < rows; i++) {
    const account = usageAccounts[i % usageAccounts.length]!;
    const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)]!;
    const start = new Date(period.start.getTime() + Math.floor(random() * slots) * stepMs);
    const end = new Date(start.getTime() + stepMs);
    const amount = product.amount * (stepMs / 3_600_000) * (0.8 + random() * 0.4);
    const cost = amount * product.rate;
    const blendedRate = product.rate * (0.95 + random() * 0.1);
    const resourceId = product.resourcePrefix.replace('ACCOUNT', account) + randomChars(random, HEX, 16);
    items.push({
      'identity/LineItemId': randomChars(random, BASE32_LOWER, 52),
      'identity/TimeInterval': `${isoSecond(start)}/${isoSecond(end)}`,
      'bill/InvoiceId': invoiceId,
      'bill/InvoicingEntity': 'Amazon Web Services, Inc.',
      'bill/BillingEntity': 'AWS',
      'bill/BillType': 'Anniversary',
      'bill/PayerAccountId': payer,
      'bill/BillingPeriodStartDate': isoSecond(period.start),
      'bill/BillingPeriodEndDate': isoSecond(period.end),
      'lineItem/UsageAccountId': account,
      'lineItem/LineItemType': 'Usage',
      'lineItem/UsageStartDate': isoSecond(start),
      'lineItem/UsageEndDate': isoSecond(end),
      'lineItem/ProductCode': product.code,
      'lineItem/UsageType': product.usageType,
      'lineItem/Operation': product.operation,
      'lineItem/AvailabilityZone': product.family === 'Compute Instance' ? 'us-east-1a' : '',
      'lineItem/ResourceId': resourceId,
      'lineItem/UsageAmount': amount.toFixed(10),
      'lineItem/CurrencyCode': 'USD',
      'lineItem/UnblendedRate': product.rate.toFixed(10),
      'lineItem/UnblendedCost': cost.toFixed(10),
      'lineItem/BlendedRate': blendedRate.toFixed(10),
      'lineItem/BlendedCost': (amount * blendedRate).toFixed(10),
      'lineItem/LineItemDescription': product.description,
      'lineItem/LegalEntity': 'Amazon Web Services, Inc.',
      'product/ProductName': product.name,
      'product/productFamily': product.family,
      'product/instanceType': product.instanceType ?? '',
      'product/location': 'US East (N. Virginia)',
      'product/locationType': 'AWS Region',
      'product/region': 'us-east-1',
      'product/regionCode': 'us-east-1',
      'product/servicecode': product.code,
      'product/usagetype': product.usageType,
      'product/operation': product.operation,
      'pricing/currency': 'USD',
      'pricing/publicOnDemandCost': cost.toFixed(10),
      'pricing/publicOnDemandRate': product.rate.toFixed(10),
      'pricing/term': 'OnDemand',
      'pricing/unit': product.unit,
    });
  }
  return items.sort((a, b) => a['lineItem/UsageStartDate']!.localeCompare(b['lineItem/UsageStartDate']!));
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly Record<string, string>[], rename: (column: string) => string = (c) => c): string {
  const lines = [header.map((c) => csvCell(rename(c))).join(',')];
  for (const row of rows) lines.push(header.map((c) => csvCell(row[c] ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}

/** `lineItem/UnblendedCost` → `line_item_unblended_cost`, the naming of CUR 2.0 and of Athena/Parquet CURs. */
export function snakeCaseColumn(column: string): string {
  return column
    .split('/')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())
    .join('_');
}
