/**
 * Pure: which discovered report the operator means, from the name, prefix and path they typed; and, when none
 * matches, the near misses worth suggesting (a name differing only in case, the same name under another prefix).
 */
import type {Check, DiscoveredReport} from '../types.ts';

export interface Wanted {
  readonly reportName?: string;
  /** A non-empty prefix the operator typed (normalised). */
  readonly prefix?: string;
  /** The path typed after the bucket (`s3://bucket/path`), which may end with the report name. */
  readonly path?: string;
}

export interface Selection {
  readonly checks: Check[];
  readonly selected?: DiscoveredReport;
}

const label = (r: DiscoveredReport) => (r.prefix ? `${r.prefix}/${r.reportName}` : r.reportName);

/** Whether a report is exactly the one asked for (used to read its manifest before discovery ends). */
export function isExactMatch(report: DiscoveredReport, wanted: Wanted): boolean {
  if (wanted.reportName) return report.reportName === wanted.reportName && (wanted.prefix === undefined || report.prefix === wanted.prefix);
  return wanted.path !== undefined && label(report) === wanted.path;
}

function unsupported(report: DiscoveredReport): Check[] {
  const facts = {reportName: report.reportName, prefix: report.prefix};
  if (report.layout === 'cur2') return [{code: 'CUR2_UNSUPPORTED', status: 'fail', field: 'reportName', facts}];
  if (report.layout === 'parquet') return [{code: 'PARQUET_UNSUPPORTED', status: 'fail', field: 'reportName', facts}];
  return [];
}

function pick(report: DiscoveredReport): Selection {
  const checks = unsupported(report);
  if (checks.length > 0) return {checks};
  // AWS writes keys that begin with `/` when the report path prefix is empty (docs/console-compatibility.md #30).
  if (report.folder?.startsWith('/'))
    checks.push({code: 'REPORT_KEYS_LEADING_SLASH', status: 'warn', field: 'prefix', facts: {reportName: report.reportName, folder: report.folder}});
  return {checks, selected: report};
}

/** How far a search stopped by its bounds got (see discover-reports.ts). */
export interface SearchCut {
  readonly listedFolders: number;
  readonly unlistedFolders: number;
}

export function selectReport(bucket: string, reports: readonly DiscoveredReport[], wanted: Wanted, pending: boolean, cut?: SearchCut): Selection {
  const found: Check[] =
    reports.length > 0 ? [{code: 'REPORTS_FOUND', status: 'pass', facts: {bucket, count: reports.length, reports: reports.map(label)}}] : [];
  const notFound = (reportName: string, prefix: string): Check => {
    const location = `s3://${[bucket, prefix, reportName].filter(Boolean).join('/')}/`;
    const facts = {bucket, prefix, reportName, location};
    const field = wanted.reportName ? 'reportName' : 'bucket';
    if (pending) return {code: 'DATA_NOT_YET', status: 'warn', field: 'reportName', facts};
    // The bound stopped the search: not finding it says nothing about the bucket.
    if (cut) return {code: 'REPORT_SEARCH_INCOMPLETE', status: 'warn', field, facts: {bucket, listed: cut.listedFolders, unlisted: cut.unlistedFolders}};
    return {code: 'REPORT_NOT_FOUND', status: 'fail', field, facts};
  };

  const exact = reports.find((r) => isExactMatch(r, wanted));
  if (exact) return withFound(found, pick(exact));

  if (wanted.reportName) {
    const name = wanted.reportName;
    const near = reports.filter((r) => r.reportName.toLowerCase() === name.toLowerCase() && r.layout === 'legacy');
    const checks = [...found, notFound(name, wanted.prefix ?? '')];
    for (const r of near) {
      checks.push({
        code: 'REPORT_NAME_SUGGESTION',
        status: 'warn',
        field: r.reportName === name ? 'prefix' : 'reportName',
        facts: {reportName: r.reportName, prefix: r.prefix},
      });
    }
    return {checks};
  }

  // No name: narrow to what the path or prefix typed points at, then take the only legacy report, if one.
  const scope = wanted.path ?? wanted.prefix;
  const inScope = scope === undefined ? reports : reports.filter((r) => r.prefix === scope || label(r).startsWith(`${scope}/`));
  const candidates = inScope.length > 0 ? inScope : reports;
  const legacy = candidates.filter((r) => r.layout === 'legacy');
  if (legacy.length === 1) return withFound(found, pick(legacy[0]!));
  if (legacy.length > 1) {
    return {
      checks: [...found, {code: 'REPORT_NOT_SELECTED', status: 'warn', field: 'reportName', facts: {bucket, count: legacy.length, reports: legacy.map(label)}}],
    };
  }
  if (candidates.length > 0) return {checks: [...found, ...unsupported(candidates[0]!)]};
  return {checks: [notFound('', scope ?? '')]};
}

function withFound(found: Check[], selection: Selection): Selection {
  return {...selection, checks: [...found, ...selection.checks]};
}
