import {css} from 'lit';

export default css`
  p {
    margin: 0;
    padding: 6px 0;
  }
  .unsaved {
    margin-inline-start: 4px;
  }
`;
