/**
 * A bucket for the discovery-cost benchmark: many top-level folders of unrelated objects and one CUR among them.
 * The filler is `bulk` content (held in the proxy's memory, never written to disk), so even 1,000 folders and
 * 200,000 objects seed in about a second.
 */
import {loadScenario} from '../scenario.ts';
import {BILLING_BUCKET} from './demo-keys.ts';
import type {AwsScenario, LegacyCurContent} from './scenario-types.ts';

export interface ManyFoldersOptions {
  /** Top-level folders `folder-0001/` … holding the unrelated objects: 1 to 1,000. */
  folders: number;
  /** Unrelated objects, spread round-robin among the folders: 0 to 200,000. */
  objects: number;
  /**
   * The CUR's report path prefix (default `cur`): its keys are `<reportPrefix>/abiquo-hourly/…`. `cur/` sorts before
   * every `folder-…/`; `zz-cur` after them all; `folder-0500/cur` nests it in one of them; `""` puts
   * `abiquo-hourly/` itself at the root.
   */
  reportPrefix?: string;
  /** How each folder's objects are laid out (default `flat`): see the `bulk` contents. */
  layout?: 'flat' | 'daily';
  /** The scenario's fixed `now` (default: the real now). */
  now?: string;
}

/**
 * The happy path's AWS world (accounts, keys, the CUR `abiquo-hourly` of `acme-billing-reports` in us-east-1) with
 * the bucket's contents replaced by the CUR at `reportPrefix` and the filler; the pricing key may read the CUR there.
 */
export function manyFoldersScenario({folders, objects, reportPrefix = 'cur', layout = 'flat', now}: ManyFoldersOptions): AwsScenario {
  if (!Number.isInteger(folders) || folders < 1 || folders > 1000) throw new RangeError(`folders must be 1 to 1,000, not ${folders}`);
  if (!Number.isInteger(objects) || objects < 0 || objects > 200_000) throw new RangeError(`objects must be 0 to 200,000, not ${objects}`);
  const prefix = reportPrefix.replace(/^\/+|\/+$/g, '');
  const aws = structuredClone(loadScenario('happy-path').aws) as unknown as AwsScenario;
  const bucket = aws.buckets.find((b) => b.name === BILLING_BUCKET)!;
  const report = bucket.contents!.find((c): c is LegacyCurContent => c.type === 'legacy-cur')!;
  bucket.contents = [
    {...report, prefix},
    {type: 'bulk', prefix: '', count: objects, folders, layout},
  ];
  const reportObjects = `arn:aws:s3:::${BILLING_BUCKET}/${prefix ? `${prefix}/` : ''}*`;
  for (const user of aws.users) {
    const getObject = user.permissions?.['s3:GetObject'];
    if (getObject) user.permissions!['s3:GetObject'] = getObject.map((arn) => (arn === `arn:aws:s3:::${BILLING_BUCKET}/cur/*` ? reportObjects : arn));
  }
  return {...aws, ...(now ? {now} : {})};
}
