import {css} from 'lit';

export default css`
  .identity {
    font-weight: bold;
  }
`;
