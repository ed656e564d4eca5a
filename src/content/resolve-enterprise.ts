/**
 * Which enterprise the open dialog edits: the console's own GET seen by the worker in this tab, confirmed by
 * the name typed in the dialog; else the name alone, resolved through the API; else undefined, and the operator
 * picks among the keynodes (`listKeynodes`).
 */
import {enterpriseIdNamed, hasName} from '../abiquo/find-enterprise.ts';
import type {AbiquoHttp} from '../abiquo/http.ts';
import {sendRequest} from '../messaging/client.ts';

export async function resolveEnterpriseId(http: AbiquoHttp, dialogName: string | undefined, signal: AbortSignal): Promise<number | undefined> {
  const seen = await sendRequest('console/current-enterprise', {});
  const seenId = seen.ok ? seen.value.enterpriseId : undefined;
  if (seenId !== undefined && (dialogName === undefined || (await hasName(http, seenId, dialogName, signal)))) return seenId;
  return dialogName === undefined ? undefined : enterpriseIdNamed(http, dialogName, signal);
}
