/**
 * The billing preview frame (`preview-frame.html`, embedded by the content script in the tab): reads the report of
 * the newest complete period with the pricing keys the tab holds and shows what the dashboards will show. An
 * extension page rather than the service worker: reading a report takes minutes and the AWS SDK plus the parser
 * would not fit the worker's lifetime or budget; a page lives as long as the tab that shows it. Once paired with the
 * content script (frames/paired-page.ts), it gets each request over that port only.
 */
import {createAwsClients} from '../aws/aws-clients.ts';
import {loadAwsEndpoints} from '../background/aws-endpoints.ts';
import {BoaBillingPreview, type BoaAddAccountEvent} from '../components/boa-billing-preview/boa-billing-preview.ts';
import type {PreviewState} from '../components/boa-billing-preview/preview-state.ts';
import {whenPaired} from '../frames/paired-page.ts';
import {isPreviewFrameIn, type PreviewFrameOut} from '../messaging/preview-frame.ts';
import type {PreviewProgress, PreviewRequest} from '../preview/types.ts';
import {redact} from '../shared/mask.ts';
import {err} from '../shared/result.ts';
import {readReport} from '../preview/read-report.ts';
import {reconcile} from '../preview/reconcile.ts';
import {s3ReportSource} from '../preview/s3-report-source.ts';
import {createTranslator} from '../shared/i18n.ts';

customElements.define('boa-billing-preview', BoaBillingPreview);
const app = document.querySelector<HTMLElement>('#app')!;

whenPaired(app, (port, language) => {
  const send = (message: PreviewFrameOut) => port.postMessage(message);
  const view = document.createElement('boa-billing-preview') as BoaBillingPreview;
  view.t = createTranslator(language);
  view.language = language;
  app.replaceChildren(view);

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
    const read = await preview(request, signal, (progress) => !signal.aborted && show({kind: 'reading', progress})).catch(
      // Not an expected failure (those are results): still a message the operator can act on, never a bar left running.
      (error: unknown) => err('PREVIEW_READ_FAILED', {key: request.report.reportName, error: redact(error instanceof Error ? error.message : String(error))}),
    );
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
});

/** The report of the request's period, read with its keys. */
async function preview(request: PreviewRequest, signal: AbortSignal, onProgress: (progress: PreviewProgress) => void) {
  const clients = createAwsClients(request.keys, {endpoints: await loadAwsEndpoints(), timeoutMs: 30_000});
  const source = await s3ReportSource(clients.forRegion(request.report.region).s3, request.report, signal);
  return source.ok ? readReport(source.value, {basis: request.basis, signal, onProgress}) : source;
}
