import {css} from 'lit';

/** Bootstrap's font stack (the console's, Bootstrap 2 and 3): what the extension's own pages use. */
export const consoleFontStack = '"Helvetica Neue", Helvetica, Arial, sans-serif';

/**
 * The tokens every rule uses, each from its theme property with today's value as the fallback. Declared on each
 * component's `:host` (and a page's `:root`), so a nested element resolves them again from the inherited theme.
 */
export const themeTokens = css`
  --boa-font: var(--boa-font-family, inherit);
  --boa-text: var(--boa-text-color, #333);
  --boa-muted: #6f6f6f;
  --boa-border: #ccc;
  /* Field borders and the focus ring need 3:1 against white (WCAG 1.4.11); Bootstrap's #ccc and #66afe9 have less. */
  --boa-input-border: var(--boa-input-border-color, #8a8a8a);
  --boa-radius: var(--boa-input-radius, 4px);
  --boa-accent: var(--boa-primary-bg, #337ab7);
  --boa-accent-text: var(--boa-primary-fg, #fff);
  --boa-accent-border: var(--boa-primary-border, var(--boa-primary-bg, #337ab7));
  --boa-link: var(--boa-link-color, #337ab7);
  --boa-btn-bg: var(--boa-secondary-bg, #fff);
  --boa-btn-text: var(--boa-secondary-fg, var(--boa-text-color, #333));
  --boa-btn-border: var(--boa-secondary-border, #ccc);
  --boa-btn-padding: var(--boa-button-padding, 6px 12px);
  --boa-btn-radius: var(--boa-button-radius, 4px);
  --boa-pass: #276b27;
  --boa-warn: #8a5a00;
  --boa-fail: #a94442;
  --boa-fail-bg: #f2dede;
  --boa-warn-bg: #fcf8e3;
  --boa-focus: #2a6cb0;
`;

/** The text of a host or page: the console dialog's font, size and colour. */
export const textDeclarations = css`
  font-family: var(--boa-font);
  font-size: var(--boa-font-size, 14px);
  line-height: 1.42857;
  color: var(--boa-text);
`;

/** Every button that is not the primary one: the look of the console's Cancel. */
export const secondaryButtonDeclarations = css`
  display: inline-block;
  padding: var(--boa-btn-padding);
  font: inherit;
  line-height: 1.42857;
  color: var(--boa-btn-text);
  background: var(--boa-btn-bg);
  border: 1px solid var(--boa-btn-border);
  border-radius: var(--boa-btn-radius);
  cursor: pointer;
`;

/** The one button that does the step: the look of the console's Save. */
export const primaryButtonDeclarations = css`
  color: var(--boa-accent-text);
  background: var(--boa-accent);
  border-color: var(--boa-accent-border);
`;

/** Buttons, fields and focus: the same in the tab (shadow roots) and on the extension's own pages. */
export const controlStyles = css`
  button {
    ${secondaryButtonDeclarations}
  }
  button.primary {
    ${primaryButtonDeclarations}
  }
  button.link {
    border-color: transparent;
    background: none;
    color: var(--boa-link);
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
  input[type='text'],
  input[type='password'],
  input[type='url'],
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
  input:focus-visible,
  textarea:focus-visible {
    outline: none;
    border-color: var(--boa-focus);
    box-shadow: 0 0 0 1px var(--boa-focus);
  }
`;
