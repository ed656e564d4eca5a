/**
 * The look of the extension's own pages (options, toolbar popup): the tab's buttons, fields, font and colours from
 * the same source as the components (components/shared/theme-styles.ts), with the console's font stack, since no
 * console is there to read it from. Only the pages' layout is their own.
 */
import {css, unsafeCSS} from 'lit';
import {consoleFontStack, controlStyles, textDeclarations, themeTokens} from '../components/shared/theme-styles.ts';

export const pageStyles = css`
  :root {
    --boa-font-family: ${unsafeCSS(consoleFontStack)};
    ${themeTokens}
    color-scheme: light;
    background: #fff;
  }
  /* On body: browsers give extension pages' bodies a font of their own (Chrome: the system's, at 75%). */
  body {
    ${textDeclarations}
    margin: 0;
    padding: 24px;
    max-width: 640px;
  }
  body.popup {
    width: 320px;
    padding: 16px;
  }
  h1 {
    font-size: 18px;
    margin: 0 0 8px;
  }
  h2 {
    font-size: 16px;
    margin: 20px 0 8px;
  }
  p {
    margin: 0 0 8px;
  }
  a {
    color: var(--boa-link);
  }
  form {
    display: flex;
    gap: 8px;
    align-items: end;
    flex-wrap: wrap;
    margin: 16px 0;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    flex: 1 1 240px;
    font-weight: bold;
  }
  ${controlStyles}
  label > input {
    font-weight: normal;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
    padding: 6px 0;
    border-bottom: 1px solid #ddd;
  }
  [role='status'],
  [role='alert'] {
    margin: 8px 0;
  }
  [role='alert'] {
    color: var(--boa-fail);
  }
  [role='status']:empty,
  [role='alert']:empty {
    margin: 0;
  }
`;

/** Puts the pages' style sheet in the document (extension pages allow inline styles: their CSP limits scripts only). */
export function adoptPageStyles(page: Document = document): void {
  const style = page.createElement('style');
  style.textContent = pageStyles.cssText;
  page.head.append(style);
}
