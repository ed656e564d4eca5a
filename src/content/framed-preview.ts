/**
 * The billing preview as an extension-origin frame (`preview-frame.html`, paired-frame.ts): the report is read there,
 * with the pricing keys this content script hands it over the paired port only.
 */
import type {BillingPreviewView} from '../components/services.ts';
import {isPreviewFrameOut, type PreviewFrameIn} from '../messaging/preview-frame.ts';
import type {PreviewRequest} from '../preview/types.ts';
import type {Translate} from '../shared/translate.ts';
import {pairedFrame} from './paired-frame.ts';

export function framedPreview(t: Translate, language: string, onAddAccount: (accountId: string) => void): BillingPreviewView {
  let request: PreviewRequest | undefined;
  const send = (message: PreviewFrameIn) => paired.send(message);
  const paired = pairedFrame({
    page: 'preview-frame.html',
    t,
    language,
    initialHeight: '6rem',
    receive: (message) => {
      if (isPreviewFrameOut(message) && message.type === 'add-account') onAddAccount(message.accountId);
    },
    // A frame loaded again (moved in the page) is a fresh document: it reads again.
    onPaired: () => request && send({type: 'start', request}),
  });
  paired.frame.title = t('preview_heading');
  return {
    element: paired.element,
    start(next) {
      request = next;
      send({type: 'start', request: next});
    },
    dispose() {
      send({type: 'cancel'});
      request = undefined;
      paired.dispose();
    },
  };
}
