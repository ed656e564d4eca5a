/**
 * Service-worker entry: wiring only. Listeners are registered synchronously at the top level so a worker
 * woken by an event (or restarted) receives it.
 */
import {holdMessages} from '../messaging/buffered-port.ts';
import {dispatch, acceptsVerifyPort} from '../messaging/server.ts';
import type {SenderContext} from '../messaging/sender.ts';
import type {ResponseEnvelope} from '../messaging/envelope.ts';
import type {PropertiesWrittenNotice, VerifyPortResponse} from '../messaging/protocol.ts';
import {logger} from '../shared/log.ts';
import {isSandboxBuild, loadAwsEndpoints} from './aws-endpoints.ts';
import {
  disableOrigin,
  enabledOrigins,
  enableOrigin,
  enablePendingConsole,
  injectIntoOpenTabs,
  syncContentScripts,
  type OriginsDeps,
} from './console-origins.ts';
import {readCatalogue} from './catalogue.ts';
import {classifyRequest, currentEnterprise, ENTERPRISE_REQUESTS, forgetTab, rememberEnterprise} from './enterprise-requests.ts';
import {claimFrame, pairFrame} from './frame-pairing.ts';
import {loadTabUi} from './tab-ui-loader.ts';
import {handleVerifyPort} from './verify-port-handler.ts';

/** The manifest's fixed hosts (`host_permissions`): the operator can still turn them off in the browser. */
const AWS_HOSTS = ['https://*.amazonaws.com/*'];
const deps: OriginsDeps = {
  storage: chrome.storage.local,
  permissions: chrome.permissions,
  scripting: chrome.scripting,
  tabs: chrome.tabs,
  fetch: (input, init) => fetch(input, init),
};
const endpoints = loadAwsEndpoints();
const log = logger('worker');

async function senderContext(): Promise<SenderContext> {
  return {extensionId: chrome.runtime.id, extensionBaseUrl: chrome.runtime.getURL(''), enabledOrigins: await enabledOrigins(deps)};
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  void senderContext()
    .then((context) =>
      dispatch(
        message,
        sender,
        {
          'worker/ping': async () => ({sandbox: isSandboxBuild}),
          'console/current-enterprise': async (_payload, from) => ({enterpriseId: await currentEnterprise(chrome.storage.session, from.tab?.id)}),
          'i18n/catalogue': async ({language}) => ({messages: await readCatalogue(language)}),
          'origins/list': async () => ({origins: await enabledOrigins(deps)}),
          'origins/enable': async ({origin}) => enableOrigin(origin, deps),
          'origins/disable': async ({origin}) => disableOrigin(origin, deps),
          'content/load-tab-ui': async (_payload, from) => loadTabUi(chrome.scripting, from),
          'frame/pair': async (_payload, from) => pairFrame(from.tab?.id),
          'frame/claim': async ({token}, from) => claimFrame(token, from.tab?.id),
        },
        context,
      ),
    )
    .catch((): ResponseEnvelope => ({ok: false, code: 'INTERNAL'}))
    .then(sendResponse);
  return true; // the reply is asynchronous
});

chrome.runtime.onConnect.addListener((port) => {
  const held = holdMessages(port);
  const refuse = (code: 'SENDER_REJECTED' | 'INTERNAL') => {
    held.postMessage({type: 'error', code} satisfies VerifyPortResponse);
    port.disconnect();
  };
  void senderContext()
    .then(async (context) => {
      if (!acceptsVerifyPort(port, context)) return refuse('SENDER_REJECTED');
      handleVerifyPort(held, {endpoints: await endpoints, awsAllowed: () => chrome.permissions.contains({origins: AWS_HOSTS})});
    })
    .catch(() => refuse('INTERNAL'));
});

chrome.webRequest.onCompleted.addListener((details) => {
  void enabledOrigins(deps).then((origins) => {
    const request = classifyRequest(details, origins);
    if (request?.kind === 'enterprise-read') void rememberEnterprise(chrome.storage.session, details.tabId, request.enterpriseId);
    if (request?.kind === 'properties-written') {
      const notice: PropertiesWrittenNotice = {type: 'console/properties-written', enterpriseId: request.enterpriseId};
      void chrome.tabs.sendMessage(details.tabId, notice).catch(() => undefined);
    }
  });
}, ENTERPRISE_REQUESTS);

chrome.tabs.onRemoved.addListener((tabId) => void forgetTab(chrome.storage.session, tabId));
// A page load (not a hash change) ends what the tab's console had loaded.
chrome.tabs.onUpdated.addListener((tabId, change) => change.status === 'loading' && void forgetTab(chrome.storage.session, tabId));

// One registration at a time: start-up, install and permission events can arrive together.
let syncing: Promise<void> = Promise.resolve();
const sync = (then?: () => Promise<void>) => {
  syncing = syncing
    .then(() => syncContentScripts(deps))
    .then(then)
    .catch((error: unknown) => log.error('content-script registration failed', error));
  return syncing;
};
// Content scripts registered at run time are lost when an unpacked extension is reinstalled: register again.
// After an update, the consoles' open tabs run an orphaned copy (no `chrome.runtime`): give them the new one.
chrome.runtime.onInstalled.addListener(() => void sync(async () => injectIntoOpenTabs(await enabledOrigins(deps), deps)));
chrome.runtime.onStartup.addListener(() => void sync());
chrome.permissions.onAdded.addListener(() => void sync(() => enablePendingConsole(chrome.storage.session, deps)));
chrome.permissions.onRemoved.addListener(() => void sync());
void sync();
