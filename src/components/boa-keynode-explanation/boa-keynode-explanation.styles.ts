import {css} from 'lit';

export default css`
  ol {
    margin: 0 0 8px;
    padding-left: 20px;
  }
`;
