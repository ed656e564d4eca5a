/**
 * A preview failure met where only a thrown value can travel: a stream's error (a corrupt or truncated file) or a
 * report file's `open`. `readReport` turns it into its Result, adding the file's key to the facts.
 */
import type {PreviewFailureCode} from './types.ts';

export class PreviewError extends Error {
  constructor(
    readonly code: PreviewFailureCode,
    readonly facts: Readonly<Record<string, string>> = {},
  ) {
    super(code);
    this.name = 'PreviewError';
  }
}
