/**
 * Every event the tab's components emit: one class each (Web Awesome style), namespaced `boa-`, bubbling, and
 * fired only as the result of something the operator did (a paste, a click, a pick).
 * Details may carry keys in memory; none is ever reflected to the DOM. Events that carry keys are not composed:
 * they stop at the shadow root of the component that listens for them, so they never reach the console's document.
 */
import type {AwsKeys, Identity, VerifiedReport} from '../aws/types.ts';
import type {LinkedAccount} from '../abiquo/types.ts';

const init = {bubbles: true, composed: true} as const;
/** For events whose detail holds keys: the console's own scripts must not be able to listen for them. */
const inside = {bubbles: true, composed: false} as const;

/** The operator typed, pasted or dropped keys (`keys` is undefined once the fields are empty). */
export class BoaKeysInputEvent extends Event {
  constructor(readonly keys: AwsKeys | undefined) {
    super('boa-keys-input', inside);
  }
}

/** The pricing keys the operator entered were checked: `identity` when STS accepted them, `blocked` when a check failed. */
export class BoaKeysVerifiedEvent extends Event {
  constructor(readonly detail: {readonly keys: AwsKeys | undefined; readonly identity?: Identity; readonly blocked: boolean}) {
    super('boa-keys-verified', inside);
  }
}

/** A check of entered keys started or ended (a section disables what must wait for it). */
export class BoaKeysCheckingEvent extends Event {
  constructor(readonly detail: {readonly running: boolean}) {
    super('boa-keys-checking', inside);
  }
}

/** The CUR section reached a new verdict or the operator changed the cost choice. */
export class BoaReportChangeEvent extends Event {
  constructor(readonly detail: {readonly report?: VerifiedReport; readonly blocked: boolean; readonly blended: boolean}) {
    super('boa-report-change', init);
  }
}

/** Apply (or Restore) wrote the properties; `properties` are as stored afterwards. */
export class BoaAppliedEvent extends Event {
  constructor(readonly detail: {readonly properties: Readonly<Record<string, string>>; readonly credentialsSaved: boolean}) {
    super('boa-applied', init);
  }
}

/** Apply saved the pricing credentials (even if the properties then fail): the form must forget the secret. */
export class BoaCredentialsSavedEvent extends Event {
  constructor() {
    super('boa-credentials-saved', init);
  }
}

/** Apply met a conflict and re-read the properties, which now hold someone else's values. */
export class BoaPropertiesReloadedEvent extends Event {
  constructor(readonly detail: {readonly properties: Readonly<Record<string, string>>}) {
    super('boa-properties-reloaded', init);
  }
}

/** The operator asked to re-run every check of the setup. */
export class BoaReverifyEvent extends Event {
  constructor() {
    super('boa-reverify', init);
  }
}

/** The operator chose the action that fixes a line of the setup status; `section` names where to go. */
export class BoaFixEvent extends Event {
  constructor(readonly detail: {readonly section: TabSection}) {
    super('boa-fix', init);
  }
}

/** The linked-account list was read or an account was added. */
export class BoaLinkedAccountsChangeEvent extends Event {
  constructor(readonly detail: {readonly accounts: readonly LinkedAccount[]}) {
    super('boa-linked-accounts-change', init);
  }
}

/** The operator chose which keynode the dialog edits (when the console's own traffic did not tell). */
export class BoaEnterprisePickedEvent extends Event {
  constructor(readonly detail: {readonly enterpriseId: number}) {
    super('boa-enterprise-picked', init);
  }
}

/**
 * The `amazon_*` values the console's own Save lost, which Restore writes back (`values` undefined once nothing is
 * lost): the host keeps them so that the next dialog of the same enterprise offers Restore again, with no secret.
 */
export class BoaRestoreOfferEvent extends Event {
  constructor(readonly detail: {readonly values: Readonly<Record<string, string>> | undefined}) {
    super('boa-restore-offer', init);
  }
}

/** The sections of the tab, in the order of the reference procedure. */
export type TabSection = 'pricing' | 'report' | 'properties' | 'linked';

declare global {
  interface GlobalEventHandlersEventMap {
    'boa-keys-input': BoaKeysInputEvent;
    'boa-keys-verified': BoaKeysVerifiedEvent;
    'boa-keys-checking': BoaKeysCheckingEvent;
    'boa-report-change': BoaReportChangeEvent;
    'boa-applied': BoaAppliedEvent;
    'boa-credentials-saved': BoaCredentialsSavedEvent;
    'boa-properties-reloaded': BoaPropertiesReloadedEvent;
    'boa-reverify': BoaReverifyEvent;
    'boa-fix': BoaFixEvent;
    'boa-linked-accounts-change': BoaLinkedAccountsChangeEvent;
    'boa-enterprise-picked': BoaEnterprisePickedEvent;
    'boa-restore-offer': BoaRestoreOfferEvent;
  }
}
