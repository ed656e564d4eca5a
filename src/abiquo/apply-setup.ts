/**
 * Apply as one transaction: every write of the plan is in place afterwards, or none is.
 *
 * 1. Preflight: the session's privileges for every planned write (preflight.ts); a lack sends no write.
 * 2. The properties first: they can be undone (their old values were just read).
 * 3. The pricing credentials last: a replaced secret can never be read back to put it back, so nothing may fail
 *    after it. When they fail, the properties written in step 2 are put back.
 * A Cancel stops before the next write and undoes the same way. A write whose answer is lost (timeout, dropped
 * connection, a proxy's 5xx) may still have been done: the undo is armed before the properties PUT (it only puts
 * back values that still hold ours), and failed pricing keys are looked for before the properties are undone.
 * The report is built from the API re-read after the attempt, not from what the client believes it did.
 */
import type {AwsKeys} from '../aws/types.ts';
import type {AbiquoCode, AbiquoResult} from './codes.ts';
import type {ApplyPlan, ApplyReport} from './types.ts';
import {PRIVILEGES} from './assumptions.ts';
import type {AbiquoHttp} from './http.ts';
import {failureOf, type Failure as ResultFailure} from '../shared/result.ts';
import {requirePrivileges} from './preflight.ts';
import {findAmazonPricing, saveAmazonPricing} from './pricing-credentials.ts';
import {applyProperties, readProperties, undoProperties} from './properties.ts';

export interface SetupLinks {
  readonly properties: string;
  readonly pricingCredentials: string;
}

type Failure = ResultFailure<AbiquoCode>;

/** The undo and the re-read run even after a Cancel, under a deadline of their own. */
const AFTER_CANCEL_MS = 15_000;

export async function applySetup(http: AbiquoHttp, links: SetupLinks, plan: ApplyPlan, signal: AbortSignal): Promise<ApplyReport> {
  const changes = plan.changes;
  const hasChanges = Object.keys(changes).length > 0;
  let undo: (() => Promise<AbiquoResult<void>>) | undefined;
  let credentialsSaved = false;

  const settle = async (ended: Failure | undefined, cancelled: boolean): Promise<ApplyReport> => {
    const own = cancelled ? AbortSignal.timeout(AFTER_CANCEL_MS) : signal;
    const undone = ended || cancelled ? await undo?.() : undefined;
    const [properties, pricing] = await Promise.all([readProperties(http, links.properties, own), findAmazonPricing(http, links.pricingCredentials, own)]);
    // An undo whose answer was lost may have been done: it failed only if one of our values is still there.
    const undoFailed =
      undone &&
      !undone.ok &&
      (!properties.ok || Object.entries(changes).some(([key, value]) => properties.value.properties[key] === value && plan.loaded[key] !== value));
    return {
      ...(ended ? {failure: ended} : {}),
      ...(cancelled ? {cancelled: true} : {}),
      ...(undoFailed ? {undoFailure: failureOf(undone)} : {}),
      credentialsSaved,
      ...(properties.ok && pricing.ok ? {stored: {properties: properties.value.properties, hasPricingCredentials: pricing.value !== undefined}} : {}),
    };
  };

  const steps = async (): Promise<Failure | undefined> => {
    const allowed = await requirePrivileges(http, [...(hasChanges ? PRIVILEGES.properties : []), ...(plan.keys ? PRIVILEGES.pricingCredentials : [])], signal);
    if (!allowed.ok) return failureOf(allowed);
    if (hasChanges) {
      const armUndo = (before: Readonly<Record<string, unknown>>) => {
        undo = () => undoProperties(http, links.properties, changes, before, AbortSignal.timeout(AFTER_CANCEL_MS));
      };
      const written = await applyProperties(http, links.properties, changes, plan.loaded, signal, armUndo);
      if (!written.ok) return failureOf(written);
    }
    signal.throwIfAborted();
    if (plan.keys) return saveCredentials(plan.keys);
    return undefined;
  };

  const saveCredentials = async (keys: AwsKeys): Promise<Failure | undefined> => {
    const prior = await findAmazonPricing(http, links.pricingCredentials, signal);
    if (!prior.ok) return failureOf(prior);
    const saved = await saveAmazonPricing(http, links.pricingCredentials, keys, signal);
    if (!saved.ok && !(prior.value === undefined && (await pricingExists()))) return failureOf(saved);
    credentialsSaved = true;
    return undefined;
  };

  /**
   * The answer lost, keys created may be there all the same: AMAZON pricing credentials that did not exist before
   * are ours. A replacement cannot be told apart (the API returns `access` obfuscated), so it stays a failure.
   */
  const pricingExists = async (): Promise<boolean> => {
    const now = await findAmazonPricing(http, links.pricingCredentials, AbortSignal.timeout(AFTER_CANCEL_MS));
    return now.ok && now.value !== undefined;
  };

  try {
    return await settle(await steps(), false);
  } catch (error) {
    if (!signal.aborted) throw error;
    return settle(undefined, true);
  }
}
