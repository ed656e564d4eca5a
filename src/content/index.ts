/**
 * Content-script entry (isolated world, classic script). Chrome gives content scripts no
 * `customElements`, so the polyfill must load before any element is defined.
 */
import '@webcomponents/custom-elements';
import {registerComponents} from '../components/register.ts';
import {startBillingTab} from './billing-tab-feature.ts';

const LOADED = 'data-boa-loaded';

// Injected again when the operator enables a console with its tab open, or after an extension reload.
if (!document.documentElement.hasAttribute(LOADED)) {
  document.documentElement.setAttribute(LOADED, '');
  registerComponents();
  startBillingTab(new AbortController().signal);
}
