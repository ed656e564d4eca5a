import {css} from 'lit';

export default css`
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  form p {
    flex-basis: 100%;
    margin: 0;
  }
`;
