/** The messages between the content script and the billing preview frame, over their MessagePort. */
import type {LinkedEnterprise, PreviewedReport, PreviewRequest} from '../preview/types.ts';
import {isObject} from './frame-pairing.ts';

/** To the frame: read (again) with this request, or stop reading. */
export type PreviewFrameIn = {readonly type: 'start'; readonly request: PreviewRequest} | {readonly type: 'cancel'};

/** From the frame: ready; the operator chose "Add account" for an AWS account no enterprise bills. */
export type PreviewFrameOut = {readonly type: 'ready'} | {readonly type: 'add-account'; readonly accountId: string};

const isString = (value: unknown): value is string => typeof value === 'string';
const ACCOUNT_ID = /^\d{12}$/;

const isReport = (value: unknown): value is PreviewedReport =>
  isObject(value) &&
  ['bucket', 'region', 'prefix', 'reportName', 'billingPeriod'].every((name) => isString(value[name])) &&
  (value.compression === 'GZIP' || value.compression === 'ZIP') &&
  (value.folder === undefined || isString(value.folder));

const isLinked = (value: unknown): value is LinkedEnterprise =>
  isObject(value) && typeof value.enterpriseId === 'number' && isString(value.name) && (value.awsAccountId === undefined || isString(value.awsAccountId));

export function isPreviewRequest(value: unknown): value is PreviewRequest {
  if (!isObject(value) || !isObject(value.keys) || !isString(value.keys.accessKeyId) || !isString(value.keys.secretAccessKey)) return false;
  return (
    isReport(value.report) &&
    (value.basis === 'blended' || value.basis === 'unblended') &&
    (value.payerAccount === undefined || isString(value.payerAccount)) &&
    Array.isArray(value.linked) &&
    value.linked.every(isLinked)
  );
}

export function isPreviewFrameIn(value: unknown): value is PreviewFrameIn {
  if (!isObject(value)) return false;
  return value.type === 'cancel' || (value.type === 'start' && isPreviewRequest(value.request));
}

export function isPreviewFrameOut(value: unknown): value is PreviewFrameOut {
  if (!isObject(value)) return false;
  return value.type === 'ready' || (value.type === 'add-account' && isString(value.accountId) && ACCOUNT_ID.test(value.accountId));
}
