/**
 * `npm run preview`: the tab's billing preview from a terminal (options and exit status: preview-args.ts). Checks
 * the keys and finds the report as `npm run verify` does, reads the newest complete period with the same engine,
 * and prints who is billed for each account's costs; with --json, one JSON document instead.
 */
import {createAwsClients} from '../aws/aws-clients.ts';
import {verifySetup} from '../aws/verify-setup.ts';
import type {MessageKey, Substitutions} from '../shared/i18n.ts';
import {readReport} from '../preview/read-report.ts';
import {reconcile} from '../preview/reconcile.ts';
import {s3ReportSource} from '../preview/s3-report-source.ts';
import {parsePreviewArgs, usage, type PreviewArgs} from './preview-args.ts';
import {clearProgress, FAILURE_MESSAGE, notPassed, previewJson, previewText, progressLine} from './preview-output.ts';
import {nodeGunzip} from './node-gunzip.ts';
import {nodeUtf8} from './node-utf8.ts';
import {readSecret} from './read-secret.ts';
import {runCommand} from './run-command.ts';
import {checkPrinter, wording} from './verify-output.ts';

/** The exit status (see the usage); everything it prints is written before it returns. */
async function preview(args: PreviewArgs): Promise<number> {
  const say = wording(args.language);
  const secretAccessKey = await readSecret();
  if (secretAccessKey === undefined) return 130; // Ctrl-C at the prompt
  const clients = createAwsClients({accessKeyId: args.accessKeyId, secretAccessKey}, {endpoints: args.endpoints});
  const verdict = await verifySetup(
    {
      keys: {accessKeyId: args.accessKeyId, secretAccessKey},
      expectedUserName: args.user,
      bucket: args.bucket,
      ...(args.region ? {region: args.region} : {}),
      ...(args.prefix ? {prefix: args.prefix} : {}),
      ...(args.reportName ? {reportName: args.reportName} : {}),
    },
    {clients},
  );
  // Warnings say what was assumed (e.g. the complete period read instead of one still being delivered); failures why nothing was read.
  const checks = notPassed(verdict.checks, say.check);
  if (!args.json) checks.forEach(checkPrinter((line) => process.stderr.write(line), say.check));
  const stop = (code: string, message: MessageKey, facts: Substitutions = {}): number => {
    const text = say.t(message, facts);
    if (args.json) process.stdout.write(`${JSON.stringify({checks, error: {code, facts, message: text}}, null, 2)}\n`);
    process.stderr.write(`${text}\n`);
    return code === 'PREVIEW_CANCELLED' ? 130 : 1;
  };
  const report = verdict.report;
  if (verdict.checks.some((check) => check.status === 'fail')) return stop('CHECK_FAILED', 'cli_preview_check_failed');
  if (!report) return stop('NO_REPORT', 'cli_preview_no_report');
  if (!report.billingPeriod || report.awaitingDelivery) return stop('NO_PERIOD', 'cli_preview_no_period', {report: report.reportName});

  const reading = new AbortController();
  process.once('SIGINT', () => reading.abort());
  const folder = verdict.reports.find((r) => r.reportName === report.reportName && r.prefix === report.prefix)?.folder;
  const source = await s3ReportSource(
    clients.forRegion(report.region).s3,
    {
      bucket: report.bucket,
      prefix: report.prefix,
      reportName: report.reportName,
      billingPeriod: report.billingPeriod,
      compression: report.compression,
      ...(folder ? {folder} : {}),
    },
    reading.signal,
  );
  if (!source.ok) return stop(source.code, FAILURE_MESSAGE[source.code], source.facts);
  const showProgress = process.stderr.isTTY;
  const result = await readReport(source.value, {
    basis: args.costs,
    signal: reading.signal,
    gunzip: nodeGunzip,
    utf8: nodeUtf8,
    ...(showProgress ? {onProgress: (progress) => process.stderr.write(progressLine(progress, say.t, args.language))} : {}),
  });
  if (showProgress) process.stderr.write(clearProgress);
  if (!result.ok) return stop(result.code, FAILURE_MESSAGE[result.code], result.facts);

  const lines = reconcile(result.value, args.payer ?? report.payerAccount, args.linked);
  const where = {bucket: report.bucket, region: report.region, prefix: report.prefix, reportName: report.reportName, compression: report.compression};
  if (args.json) process.stdout.write(previewJson(result.value, lines, checks, where));
  else {
    const name = report.prefix ? `${report.prefix}/${report.reportName}` : report.reportName;
    process.stdout.write(`${say.t('cli_preview_heading', {report: name, bucket: report.bucket})}\n\n`);
    process.stdout.write(previewText(result.value, lines, say.t, args.language));
  }
  return 0;
}

runCommand('preview', usage, parsePreviewArgs, preview);
