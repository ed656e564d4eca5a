import {css} from 'lit';
import {controlStyles, textDeclarations, themeTokens} from './theme-styles.ts';

/**
 * Tokens and base rules shared by every boa- component. The tab sits inside the console's Bootstrap 2/3 modal: the
 * tokens take the console's own look from the `--boa-*` theme properties set on the tab's host (theme-styles.ts,
 * read by src/console/console-theme.ts), and fall back to Bootstrap's (14px text, 4px radii, #337ab7 primary).
 */
export const baseStyles = css`
  :host {
    ${themeTokens}
    display: block;
    ${textDeclarations}
  }
  [hidden] {
    display: none !important;
  }
  /* The console's modal title is an h3/h4: the tab's sections are h4, their parts h5. */
  h4,
  h5 {
    font-size: 16px;
    font-weight: bold;
    margin: 0 0 8px;
  }
  p {
    margin: 0 0 8px;
  }
  label {
    display: inline-block;
    font-weight: bold;
    margin-bottom: 4px;
  }
  ${controlStyles}
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  .field {
    margin-bottom: 12px;
  }
  input[aria-invalid='true'] {
    border-color: var(--boa-fail);
  }
  .field-error {
    display: block;
    color: var(--boa-fail);
    margin-top: 4px;
  }
  .help {
    display: block;
    color: var(--boa-muted);
    margin-top: 4px;
  }
  .alert {
    padding: 8px 12px;
    border: 1px solid transparent;
    border-radius: var(--boa-radius);
    margin-bottom: 12px;
  }
  .alert--fail {
    color: var(--boa-fail);
    background: var(--boa-fail-bg);
    border-color: #ebccd1;
  }
  .alert--warn {
    color: var(--boa-warn);
    background: var(--boa-warn-bg);
    border-color: #faebcc;
  }
  .alert--pass {
    color: var(--boa-pass);
    background: #dff0d8;
    border-color: #d6e9c6;
  }
  .actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
    margin-top: 8px;
  }
  .progress {
    color: var(--boa-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .status {
    display: inline-block;
    min-width: 1.4em;
    font-weight: bold;
    text-align: center;
  }
  .status--pass {
    color: var(--boa-pass);
  }
  .status--warn {
    color: var(--boa-warn);
  }
  .status--fail {
    color: var(--boa-fail);
  }
  .status--skipped {
    color: var(--boa-muted);
  }
`;
