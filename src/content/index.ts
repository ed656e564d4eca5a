/**
 * Content-script entry (isolated world, classic script). Before any element class is evaluated: Firefox's
 * Xray repairs, then the polyfill, since Chrome gives content scripts no `customElements`.
 */
import './firefox-xray-shims.ts';
import '@webcomponents/custom-elements';
import {registerComponents} from '../components/register.ts';
import {sendRequest} from '../messaging/client.ts';
import {startBillingTab} from './billing-tab-feature.ts';

/**
 * A copy of this script injected again (the console was enabled with its tab open, or the extension was
 * reloaded and its old copy lost `chrome.runtime`) replaces the previous one: the DOM event reaches the old
 * copy's isolated world, which removes everything it added.
 */
const REPLACED = 'boa-content-script-replaced';
document.dispatchEvent(new CustomEvent(REPLACED));
const controller = new AbortController();
document.addEventListener(REPLACED, () => controller.abort(), {once: true});
// Content-script matches and host permissions ignore ports: the worker answers only the exact console origin the
// operator enabled, so a sibling service on another port of that host gets nothing of ours.
void sendRequest('worker/ping', {}).then((reply) => {
  if ((!reply.ok && reply.code === 'SENDER_REJECTED') || controller.signal.aborted) return;
  document.documentElement.setAttribute('data-boa-loaded', '');
  registerComponents();
  startBillingTab(controller.signal);
});
