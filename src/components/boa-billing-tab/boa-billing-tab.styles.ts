import {css} from 'lit';

export default css`
  section {
    margin-bottom: 20px;
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
