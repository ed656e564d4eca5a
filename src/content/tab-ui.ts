/**
 * The tab's UI (classic script), injected by the worker into the content script's isolated world when the tab is
 * first wanted (src/content/index.ts): lit, the components, the Abiquo client. Before any element class is
 * evaluated: Firefox's Xray repairs, then the polyfill, since Chrome gives content scripts no `customElements`.
 */
import './firefox-xray-shims.ts';
import '@webcomponents/custom-elements';
import {registerComponents} from '../components/register.ts';
import {startBillingTab} from './billing-tab-feature.ts';
import {publishTabUi, REPLACED_EVENT} from './tab-ui-handle.ts';

const controller = new AbortController();
document.addEventListener(REPLACED_EVENT, () => controller.abort(), {once: true});
registerComponents();
publishTabUi({openPanel: startBillingTab(controller.signal)});
