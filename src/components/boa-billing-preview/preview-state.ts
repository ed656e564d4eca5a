/** What the billing preview shows: reading (with progress), the outcome, or why it stopped. */
import type {BillingPreview, PreviewFailureCode, PreviewProgress, ReconciledLine} from '../../preview/types.ts';

export type PreviewState =
  | {readonly kind: 'reading'; readonly progress?: PreviewProgress}
  | {readonly kind: 'done'; readonly preview: BillingPreview; readonly lines: readonly ReconciledLine[]}
  | {readonly kind: 'failed'; readonly code: PreviewFailureCode; readonly facts: Readonly<Record<string, string | number>>};
