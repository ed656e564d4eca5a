/**
 * The one map of every request the extension's scripts send to the service worker, with who may send it.
 * Long-running AWS verification streams over a port instead (see `verifyPortName`).
 */
import type {Check, SetupInput, Verdict} from '../aws/types.ts';
import type {Result} from '../shared/result.ts';
import {isLanguage, type Catalogue, type Language} from '../shared/translate.ts';

/** Why a console could not be enabled: each has a message `options_<CODE>`. */
export type OriginCode = 'ORIGIN_INVALID' | 'ORIGIN_INSECURE' | 'PERMISSION_MISSING' | 'NOT_ABIQUO' | 'CONSOLE_UNREACHABLE';

export interface ProtocolMap {
  /** Liveness and identity of the worker, used by the content script at start-up. */
  'worker/ping': {request: Record<string, never>; response: {readonly sandbox: boolean}};
  /** The enterprise the console itself last loaded in the sender's tab (seen through webRequest). */
  'console/current-enterprise': {request: Record<string, never>; response: {readonly enterpriseId: number | undefined}};
  /** The catalogue of one language, so the content script carries none (it follows the console user's language). */
  'i18n/catalogue': {request: {readonly language: Language}; response: {readonly messages: Catalogue}};
  /** Enabled consoles, for the options page and the toolbar popup. */
  'origins/list': {request: Record<string, never>; response: {readonly origins: readonly string[]}};
  /** Enables a console whose host permission the page has just obtained. */
  'origins/enable': {request: {readonly origin: string}; response: Result<{readonly origins: readonly string[]}, OriginCode>};
  'origins/disable': {request: {readonly origin: string}; response: Result<{readonly origins: readonly string[]}, OriginCode>};
  /** Injects the tab's UI (`tab-ui.js`) into the sender's page, once an enterprise dialog or the toolbar wants it. */
  'content/load-tab-ui': {request: Record<string, never>; response: {readonly loaded: boolean}};
  /** A one-time token for a frame of ours (key entry, billing preview) about to load in the sender's tab (frame-pairing.ts). */
  'frame/pair': {request: Record<string, never>; response: {readonly token: string}};
  /** A frame of ours proves the channel it was handed comes from its own tab's content script. */
  'frame/claim': {request: {readonly token: string}; response: {readonly paired: boolean}};
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<T extends MessageType> = ProtocolMap[T]['request'];
export type ResponseOf<T extends MessageType> = ProtocolMap[T]['response'];

/**
 * Who may send a message: a content script on an enabled console, one of the extension's own pages, or the
 * frame of ours embedded in a console tab (the key-entry or billing preview frame).
 */
export type SenderKind = 'console' | 'extension-page' | 'frame';

export const allowedSenders: {readonly [T in MessageType]: readonly SenderKind[]} = {
  'worker/ping': ['console', 'extension-page'],
  'console/current-enterprise': ['console'],
  'i18n/catalogue': ['console'],
  'origins/list': ['extension-page'],
  'origins/enable': ['extension-page'],
  'origins/disable': ['extension-page'],
  'content/load-tab-ui': ['console'],
  'frame/pair': ['console'],
  'frame/claim': ['frame'],
};

const isEmpty = (p: unknown): p is Record<string, never> => typeof p === 'object' && p !== null && Object.keys(p).length === 0;
const hasOrigin = (p: unknown): p is {origin: string} =>
  typeof p === 'object' && p !== null && typeof (p as {origin?: unknown}).origin === 'string' && Object.keys(p).length === 1;

/** Runtime guards: a payload reaches its handler only in the shape the protocol declares. */
export const payloadGuards: {readonly [T in MessageType]: (payload: unknown) => payload is RequestOf<T>} = {
  'worker/ping': isEmpty,
  'console/current-enterprise': isEmpty,
  'i18n/catalogue': (p: unknown): p is {language: Language} =>
    typeof p === 'object' && p !== null && isLanguage((p as {language?: unknown}).language) && Object.keys(p).length === 1,
  'origins/list': isEmpty,
  'origins/enable': hasOrigin,
  'origins/disable': hasOrigin,
  'content/load-tab-ui': isEmpty,
  'frame/pair': isEmpty,
  'frame/claim': (p: unknown): p is {token: string} =>
    typeof p === 'object' && p !== null && typeof (p as {token?: unknown}).token === 'string' && Object.keys(p).length === 1,
};

/** Port name of the streaming AWS verification (`src/background/verify-port-handler.ts`); console senders only. */
export const verifyPortName = 'aws/verify';

/** In on the verification port: start (or restart, aborting the previous run) a verification. */
export type VerifyPortRequest = {readonly type: 'start'; readonly input: SetupInput};

const optionalInputFields = ['expectedUserName', 'bucket', 'region', 'prefix', 'reportName'] as const;
const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;

/** The whole `start` message is checked: known fields only, strings of sane length; anything else is refused. */
export function isVerifyPortRequest(message: unknown): message is VerifyPortRequest {
  const m = message as {type?: unknown; input?: Record<string, unknown>} | null;
  if (m?.type !== 'start' || typeof m.input !== 'object' || m.input === null || Object.keys(m).length !== 2) return false;
  const {keys, ...rest} = m.input;
  const k = keys as Record<string, unknown> | null;
  if (typeof k !== 'object' || k === null || Object.keys(k).length !== 2 || !isText(k.accessKeyId, 256) || !isText(k.secretAccessKey, 256)) return false;
  return Object.entries(rest).every(
    ([name, value]) => (optionalInputFields as readonly string[]).includes(name) && (value === undefined || isText(value, 2048)),
  );
}

/** Out: each check as it completes, then the verdict (or an error of the port itself). */
export type VerifyPortResponse =
  | {readonly type: 'check'; readonly check: Check}
  | {readonly type: 'verdict'; readonly verdict: Verdict}
  | {readonly type: 'error'; readonly code: 'INVALID_MESSAGE' | 'INTERNAL' | 'SENDER_REJECTED'};

/** Pushed by the worker to a console tab: the console itself wrote an enterprise's properties. */
export interface PropertiesWrittenNotice {
  readonly type: 'console/properties-written';
  readonly enterpriseId: number;
}

/** Pushed by the toolbar popup to a console tab: open the tab even where no tab strip was found. */
export interface OpenPanelNotice {
  readonly type: 'console/open-panel';
}

export type TabNotice = PropertiesWrittenNotice | OpenPanelNotice;
