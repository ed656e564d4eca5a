/**
 * The billing preview frame (`preview-frame.html`, embedded by the content script in the tab): reads the report of
 * the newest complete period with the pricing keys the tab holds and shows what the dashboards will show. An
 * extension page rather than the service worker: reading a report takes minutes and the AWS SDK plus the parser
 * would not fit the worker's lifetime or budget; a page lives as long as the tab that shows it. It waits for the
 * content script's MessagePort, claims the port's token with the worker (only its own tab's content script can
 * have obtained it), and gets each request over that port only.
 */
import {createAwsClients} from '../aws/aws-clients.ts';
import {loadAwsEndpoints} from '../background/aws-endpoints.ts';
import {BoaBillingPreview, type BoaAddAccountEvent} from '../components/boa-billing-preview/boa-billing-preview.ts';
import type {PreviewState} from '../components/boa-billing-preview/preview-state.ts';
import type {Theme} from '../shared/theme.ts';
import {applyConsoleTheme} from '../console/console-theme.ts';
import {sendRequest} from '../messaging/client.ts';
import {isFramePairing} from '../messaging/frame-pairing.ts';
import {isPreviewFrameIn, type PreviewFrameOut} from '../messaging/preview-frame.ts';
import type {PreviewRequest} from '../preview/types.ts';
import {readReport} from '../preview/read-report.ts';
import {reconcile} from '../preview/reconcile.ts';
import {s3ReportSource} from '../preview/s3-report-source.ts';
import {createTranslator} from '../shared/i18n.ts';
import {isLanguage} from '../shared/translate.ts';

customElements.define('boa-billing-preview', BoaBillingPreview);
const app = document.querySelector<HTMLElement>('#app')!;
let paired = false;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const port = event.ports[0];
  if (paired || !port || !isFramePairing(event.data)) return;
  const {token, language, theme} = event.data;
  void sendRequest('frame/claim', {token}).then((reply) => {
    if (paired || !reply.ok || !reply.value.paired) return;
    paired = true;
    start(port, isLanguage(language) ? language : 'en', theme);
  });
});

function start(port: MessagePort, language: 'en' | 'es', theme: Theme): void {
  const send = (message: PreviewFrameOut | {type: 'height'; height: number}) => port.postMessage(message);
  const view = document.createElement('boa-billing-preview') as BoaBillingPreview;
  view.t = createTranslator(language);
  view.language = language;
  document.documentElement.lang = language;
  applyConsoleTheme(document.documentElement, theme);
  app.replaceChildren(view);
  send({type: 'ready'});

  let current: AbortController | undefined;
  let last: PreviewRequest | undefined;
  const show = (state: PreviewState) => (view.state = state);
  const run = async (request: PreviewRequest) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    last = request;
    const {signal} = controller;
    show({kind: 'reading'});
    const clients = createAwsClients(request.keys, {endpoints: await loadAwsEndpoints(), timeoutMs: 30_000});
    const source = await s3ReportSource(clients.forRegion(request.report.region).s3, request.report, signal);
    const read = source.ok
      ? await readReport(source.value, {basis: request.basis, signal, onProgress: (progress) => !signal.aborted && show({kind: 'reading', progress})})
      : source;
    if (current !== controller) return;
    if (read.ok) show({kind: 'done', preview: read.value, lines: reconcile(read.value, request.payerAccount, request.linked)});
    else show({kind: 'failed', code: read.code, facts: read.facts ?? {}});
  };
  const cancel = () => current?.abort();

  view.addEventListener('boa-preview-cancel', cancel);
  view.addEventListener('boa-preview-again', () => last && void run(last));
  view.addEventListener('boa-add-account', (event) => send({type: 'add-account', accountId: (event as BoaAddAccountEvent).detail.accountId}));
  port.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isPreviewFrameIn(message)) return;
    if (message.type === 'cancel') cancel();
    else void run(message.request);
  };
  // The embedding iframe takes the view's height (see the key-entry frame, which does the same).
  let reported = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(app.getBoundingClientRect().height);
    if (height !== reported) send({type: 'height', height: (reported = height)});
  }).observe(app);
}
