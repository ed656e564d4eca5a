import {css} from 'lit';

/**
 * Tokens and base rules shared by every boa- component. The tab sits inside the console's Bootstrap 2/3 modal,
 * so the defaults copy Bootstrap's look (14px text, 4px radii, #337ab7 primary) and each can be overridden
 * from outside through its `--boa-*` custom property.
 */
export const baseStyles = css`
  :host {
    --boa-font: var(--boa-console-font, inherit);
    --boa-text: #333;
    --boa-muted: #6f6f6f;
    --boa-border: #ccc;
    /* Field borders and the focus ring need 3:1 against white (WCAG 1.4.11); Bootstrap's #ccc and #66afe9 have less. */
    --boa-input-border: #8a8a8a;
    --boa-radius: 4px;
    --boa-accent: #337ab7;
    --boa-accent-text: #fff;
    --boa-pass: #276b27;
    --boa-warn: #8a5a00;
    --boa-fail: #a94442;
    --boa-fail-bg: #f2dede;
    --boa-warn-bg: #fcf8e3;
    --boa-focus: #2a6cb0;
    display: block;
    font-family: var(--boa-font);
    font-size: 14px;
    line-height: 1.42857;
    color: var(--boa-text);
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
  input[type='text'],
  input[type='password'],
  textarea,
  select {
    display: block;
    box-sizing: border-box;
    width: 100%;
    padding: 6px 12px;
    font: inherit;
    color: inherit;
    border: 1px solid var(--boa-input-border);
    border-radius: var(--boa-radius);
    background: #fff;
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  button {
    display: inline-block;
    padding: 6px 12px;
    font: inherit;
    line-height: 1.42857;
    color: var(--boa-text);
    background: #fff;
    border: 1px solid var(--boa-border);
    border-radius: var(--boa-radius);
    cursor: pointer;
  }
  button.primary {
    color: var(--boa-accent-text);
    background: var(--boa-accent);
    border-color: var(--boa-accent);
  }
  button.link {
    border-color: transparent;
    background: none;
    color: var(--boa-accent);
    text-decoration: underline;
    padding: 0 4px;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  :focus-visible {
    outline: 2px solid var(--boa-focus);
    outline-offset: 2px;
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: none;
    border-color: var(--boa-focus);
    box-shadow: 0 0 0 1px var(--boa-focus);
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
