/**
 * Optional: the report's own settings from `cur:DescribeReportDefinitions` (hourly? delivering?). A billing-only
 * S3 reader usually lacks the permission (REPORT_DEFINITION_UNREADABLE), and a report defined in another account,
 * or written by other means, has no definition these keys can see (REPORT_DEFINITION_ELSEWHERE): both are
 * "skipped", never a failure. A definition that is seen and not hourly blocks: the procedure requires hourly.
 */
import {classifyAwsError} from '../aws-errors.ts';
import type {ReportDefinition} from '../cur-api.ts';
import type {Check} from '../types.ts';
import type {CheckContext} from './check-context.ts';

export type DefinitionsOutcome = {readonly definitions: ReportDefinition[]} | {readonly unreadable: string};

/** Starts the request; it needs nothing but the keys, so it runs in the first round. */
export async function fetchReportDefinitions(context: CheckContext): Promise<DefinitionsOutcome> {
  if (!context.clients.cur) return {unreadable: 'unavailable'};
  try {
    return {definitions: await context.clients.cur.describeReportDefinitions(context.signal)};
  } catch (error) {
    return {unreadable: classifyAwsError(error).name};
  }
}

const trimSlashes = (text: string | undefined) => (text ?? '').replace(/^\/+|\/+$/g, '');

type ReportPlace = {bucket: string; prefix: string; reportName: string};

/** The definition of the report at that place, if the keys can see it. */
export function findDefinition(outcome: DefinitionsOutcome, report: ReportPlace): ReportDefinition | undefined {
  if ('unreadable' in outcome) return undefined;
  return outcome.definitions.find((d) => d.ReportName === report.reportName && d.S3Bucket === report.bucket && trimSlashes(d.S3Prefix) === report.prefix);
}

/** Pure: the checks for the report that was picked, from what the API returned. */
export function checkReportDefinition(outcome: DefinitionsOutcome, report: ReportPlace): Check[] {
  const facts = {reportName: report.reportName};
  if ('unreadable' in outcome) return [{code: 'REPORT_DEFINITION_UNREADABLE', status: 'skipped', facts: {...facts, reason: outcome.unreadable}}];
  const definition = findDefinition(outcome, report);
  if (!definition) return [{code: 'REPORT_DEFINITION_ELSEWHERE', status: 'skipped', facts: {...facts, count: outcome.definitions.length}}];
  const checks: Check[] = [];
  const timeUnit = definition.TimeUnit ?? '—';
  checks.push(
    timeUnit === 'HOURLY'
      ? {code: 'REPORT_HOURLY', status: 'pass', facts}
      : {code: 'REPORT_NOT_HOURLY', status: 'fail', field: 'reportName', facts: {...facts, timeUnit}},
  );
  const lastStatus = definition.ReportStatus?.lastStatus;
  if (lastStatus && lastStatus !== 'SUCCESS') {
    checks.push({code: 'REPORT_DELIVERY_FAILING', status: 'fail', field: 'bucket', facts: {...facts, lastStatus}});
  }
  return checks;
}
