/**
 * Realistic, deterministic CUR line items: each usage account's usage of a few common services hour by hour (or
 * day by day) through a billing period, usage covered by reservations, fees, credits, refunds and taxes, with
 * rates and costs that add up. Keyed by legacy column names, generated one at a time (a million is fine).
 */
import {createHash} from 'node:crypto';
import {formatUnits, toUnits} from './cost-units.ts';

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
const DIGITS = '0123456789';
const HOUR_MS = 3_600_000;

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

export type LineItemType = 'Usage' | 'DiscountedUsage' | 'Fee' | 'Credit' | 'Refund' | 'Tax';

export interface LineItem {
  readonly account: string;
  readonly type: LineItemType;
  /** `lineItem/UnblendedCost` and `lineItem/BlendedCost` exactly, in units of 1e-10 (cost-units.ts). */
  readonly unblended: number;
  readonly blended: number;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * The kinds of line each usage account gets, in turn: mostly usage, and every other kind once a cycle, so that even
 * a 50-line file with four accounts has each kind for each account.
 */
const TYPE_CYCLE: readonly LineItemType[] = [
  'Usage',
  'Usage',
  'DiscountedUsage',
  'Usage',
  'Tax',
  'Usage',
  'Credit',
  'Usage',
  'Usage',
  'Refund',
  'Usage',
  'Fee',
];

/** Reserved instances cover (and upfront fees buy) instance usage only. */
const RESERVABLE = PRODUCTS.filter((p) => p.instanceType);

const isoSecond = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number): number => low + random() * (high - low);
const rate = (value: number): string => value.toFixed(10);

interface Line {
  readonly unblended: number;
  readonly blended: number;
  readonly fields: Record<string, string>;
}

/** A resource's use over one time slot, at on-demand rates or (`reserved`) covered by a reservation. */
function resourceUsage(random: Random, hours: number, account: string, reserved: boolean): Line {
  const product = pick(random, reserved ? RESERVABLE : PRODUCTS);
  const amount = product.amount * hours * between(random, 0.8, 1.2);
  // Usage covered by a reservation costs nothing unblended (the reservation's fees carry it); blended rates
  // average reserved and on-demand use across the organisation.
  const unblendedRate = reserved ? 0 : product.rate;
  const blendedRate = product.rate * (reserved ? between(random, 0.55, 0.65) : between(random, 0.95, 1.05));
  const unblended = toUnits(amount * unblendedRate);
  const blended = toUnits(amount * blendedRate);
  const onDemand = formatUnits(toUnits(amount * product.rate));
  return {
    unblended,
    blended,
    fields: {
      'lineItem/ProductCode': product.code,
      'lineItem/UsageType': product.usageType,
      'lineItem/Operation': product.operation,
      'lineItem/AvailabilityZone': product.family === 'Compute Instance' ? 'us-east-1a' : '',
      'lineItem/ResourceId': product.resourcePrefix.replace('ACCOUNT', account) + randomChars(random, HEX, 16),
      'lineItem/UsageAmount': amount.toFixed(10),
      'lineItem/UnblendedRate': rate(unblendedRate),
      'lineItem/UnblendedCost': formatUnits(unblended),
      'lineItem/BlendedRate': rate(blendedRate),
      'lineItem/BlendedCost': formatUnits(blended),
      'lineItem/LineItemDescription': reserved ? `USD 0.0 hourly fee per ${product.instanceType} reserved instance applied` : product.description,
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
      'pricing/publicOnDemandCost': onDemand,
      'pricing/publicOnDemandRate': rate(product.rate),
      'pricing/term': reserved ? 'Reserved' : 'OnDemand',
      'pricing/unit': product.unit,
      ...(reserved ? {'reservation/EffectiveCost': formatUnits(toUnits(amount * product.rate * 0.6))} : {}),
    },
  };
}

type Charge = Exclude<LineItemType, 'Usage' | 'DiscountedUsage'>;

/** Each charge's range per hour of its slot, so daily reports keep the proportions. */
const CHARGE_RANGE: Readonly<Record<Charge, readonly [number, number]>> = {
  Fee: [0.02, 0.1],
  Credit: [-0.06, -0.02],
  Refund: [-0.02, -0.005],
  Tax: [0.002, 0.008],
};

function chargeDescription(random: Random, type: Charge, product: Product): string {
  switch (type) {
    case 'Fee':
      return `Sign up charge for subscription: ${randomChars(random, DIGITS, 10)}, planId: ${randomChars(random, DIGITS, 7)}`;
    case 'Credit':
      return 'AWS Promotional Credits';
    case 'Refund':
      return `Refund of ${product.name} charges (service level agreement credit)`;
    case 'Tax':
      return `Tax for product code ${product.code}`;
  }
}

/** A charge that is not usage, blended and unblended alike: an upfront reservation fee, a credit, a refund, a tax. */
function charge(random: Random, hours: number, type: Charge): Line {
  const product = pick(random, type === 'Fee' ? RESERVABLE : PRODUCTS);
  const [low, high] = CHARGE_RANGE[type];
  const cost = toUnits(between(random, low, high) * hours);
  const description = chargeDescription(random, type, product);
  return {
    unblended: cost,
    blended: cost,
    fields: {
      'lineItem/ProductCode': product.code,
      'lineItem/UsageType': type === 'Fee' ? `HeavyUsage:${product.instanceType}` : type === 'Tax' ? '' : product.usageType,
      'lineItem/Operation': type === 'Tax' ? '' : product.operation,
      'lineItem/UsageAmount': type === 'Fee' ? '1.0000000000' : '0.0000000000',
      'lineItem/UnblendedCost': formatUnits(cost),
      'lineItem/BlendedCost': formatUnits(cost),
      'lineItem/LineItemDescription': description,
      'lineItem/TaxType': type === 'Tax' ? 'Sales Tax' : '',
      'product/ProductName': product.name,
      'product/servicecode': product.code,
    },
  };
}

/**
 * `rows` line items spread evenly over the period up to `until`, in time order, the usage accounts in turn. Fees
 * and taxes span the whole billing period, as AWS writes them.
 */
export function* lineItems(options: LineItemOptions): Generator<LineItem> {
  const {period, until, payer, usageAccounts, rows, random, timeUnit} = options;
  const stepMs = timeUnit === 'HOURLY' ? HOUR_MS : 86_400_000;
  const hours = stepMs / HOUR_MS;
  const slots = Math.max(1, Math.floor((Math.min(until.getTime(), period.end.getTime()) - period.start.getTime()) / stepMs));
  const bill = {
    'bill/InvoiceId': options.invoiced ? String(2_000_000_000 + Math.floor(random() * 99_999_999)) : '',
    'bill/InvoicingEntity': 'Amazon Web Services, Inc.',
    'bill/BillingEntity': 'AWS',
    'bill/BillType': 'Anniversary',
    'bill/PayerAccountId': payer,
    'bill/BillingPeriodStartDate': isoSecond(period.start),
    'bill/BillingPeriodEndDate': isoSecond(period.end),
  };
  const times = (start: Date, end: Date) => ({start: isoSecond(start), end: isoSecond(end)});
  const month = times(period.start, period.end);
  // Formatting dates is the costliest part of a line: each slot's are formatted once.
  let slot = -1;
  let slotTimes = month;
  for (let i = 0; i < rows; i++) {
    const account = usageAccounts[i % usageAccounts.length]!;
    const type = TYPE_CYCLE[Math.floor(i / usageAccounts.length) % TYPE_CYCLE.length]!;
    const rowSlot = Math.floor((i * slots) / rows);
    if (rowSlot !== slot) {
      slot = rowSlot;
      const start = period.start.getTime() + slot * stepMs;
      slotTimes = times(new Date(start), new Date(start + stepMs));
    }
    const {start, end} = type === 'Fee' || type === 'Tax' ? month : slotTimes;
    const line =
      type === 'Usage' || type === 'DiscountedUsage' ? resourceUsage(random, hours, account, type === 'DiscountedUsage') : charge(random, hours, type);
    yield {
      account,
      type,
      unblended: line.unblended,
      blended: line.blended,
      fields: {
        'identity/LineItemId': randomChars(random, BASE32_LOWER, 52),
        'identity/TimeInterval': `${start}/${end}`,
        ...bill,
        'lineItem/UsageAccountId': account,
        'lineItem/LineItemType': type,
        'lineItem/UsageStartDate': start,
        'lineItem/UsageEndDate': end,
        'lineItem/CurrencyCode': 'USD',
        'lineItem/LegalEntity': 'Amazon Web Services, Inc.',
        ...line.fields,
      },
    };
  }
}
