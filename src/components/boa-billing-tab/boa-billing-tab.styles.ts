import {css} from 'lit';

export default css`
  /* What is saved stays in view while the dialog scrolls through the steps. */
  boa-saved-line {
    display: block;
    position: sticky;
    top: 0;
    z-index: 1;
    background: #fff;
    border-bottom: 1px solid #e5e5e5;
    margin-bottom: 8px;
    /* Also hides what scrolls through the dialog's padding above it. */
    box-shadow: 0 -24px 0 #fff;
  }
  section {
    margin-bottom: 20px;
    /* A section scrolled to (a fix, Restore) starts below the saved line, not under it. */
    scroll-margin-top: 4em;
  }
  section + section {
    border-top: 1px solid #e5e5e5;
    padding-top: 12px;
  }
  h4:focus {
    outline: none;
  }
  h4:focus-visible {
    outline: 2px solid var(--boa-focus);
  }
`;
