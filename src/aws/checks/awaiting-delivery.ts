/**
 * A report set up correctly but not delivered yet (created today: AWS delivers within 24 hours) is not a reason to
 * block Apply: the values are known from where it is, except the compression, which its definition tells when the
 * keys can see it. Otherwise GZIP, AWS's default, is assumed and that is said.
 */
import type {Check, VerifiedReport} from '../types.ts';
import {findDefinition, type DefinitionsOutcome} from './report-definition.ts';

export function awaitingDelivery(
  place: {bucket: string; region: string; prefix: string; reportName: string},
  definitions: DefinitionsOutcome,
): {report: VerifiedReport; checks: Check[]} {
  const compression = findDefinition(definitions, place)?.Compression;
  const known = compression === 'GZIP' || compression === 'ZIP' ? compression : undefined;
  return {
    report: {...place, compression: known ?? 'GZIP', awaitingDelivery: true},
    checks: known ? [] : [{code: 'COMPRESSION_ASSUMED', status: 'warn', field: 'reportName', facts: {reportName: place.reportName}}],
  };
}
