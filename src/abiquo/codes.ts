/** The Abiquo client's failure codes: every result it returns fails with one of these. */
import type {Result} from '../shared/result.ts';

/** Closed list of Abiquo-side failure codes; each has a message `abiquo_<CODE>` in every locale. */
export const abiquoCodes = [
  'ABIQUO_SESSION_EXPIRED', // 401
  'ABIQUO_FORBIDDEN', // 403: facts.privilege names what is missing
  'ABIQUO_NOT_FOUND', // 404
  'ABIQUO_MEDIA_TYPE', // 406 / 415: the console's API version is not one we speak
  'ABIQUO_CONFLICT', // 409 stale object, or a property changed by someone else since it was read
  'ABIQUO_CREDENTIALS_IN_USE', // PUBLIC-14 / PRICING-CREDS-2
  'ABIQUO_PROVIDER_HAS_CREDENTIALS', // PUBLIC-3
  'ABIQUO_INVALID', // 400 / other business rule: facts.code, facts.message from the API
  'ABIQUO_SERVER', // 5xx
  'ABIQUO_TIMEOUT',
  'ABIQUO_NETWORK',
  'ABIQUO_UNEXPECTED_RESPONSE', // the API answered in a shape we do not understand
  'ABIQUO_API_CROSS_ORIGIN', // config.endpoint is on another origin: the console's cookie would not follow
  'ABIQUO_ACCOUNT_EXISTS', // a linked account of that name already has AMAZON credentials
  'ABIQUO_ACCOUNT_CREDENTIALS_NOT_SAVED', // enterprise kept without credentials (chosen, or its removal failed): facts.cause, facts.enterpriseId
  'ABIQUO_ACCOUNT_NOT_ADDED', // the credentials failed and the enterprise created for them was removed again: facts.cause
  'ABIQUO_PRIVILEGES_MISSING', // preflight: facts.privileges the session's role lacks; nothing was written
  'ABIQUO_NAME_TAKEN', // an enterprise outside this keynode's scope has the name: facts.name
  'ABIQUO_REDIRECTED', // a write was answered with a redirect: it was not re-sent anywhere
  'ABIQUO_READ_REDIRECTED', // a read was redirected to another origin (facts.to): its answer is not used
] as const;
export type AbiquoCode = (typeof abiquoCodes)[number];
export type AbiquoResult<T> = Result<T, AbiquoCode>;
