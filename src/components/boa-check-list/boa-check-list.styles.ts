import {css} from 'lit';

export default css`
  ul {
    list-style: none;
    margin: 0 0 12px;
    padding: 0;
  }
  li {
    display: flex;
    gap: 8px;
    padding: 4px 0;
    border-bottom: 1px solid #eee;
  }
  li:last-child {
    border-bottom: 0;
  }
  details {
    margin: 0 0 12px;
  }
  .message {
    flex: 1;
  }
`;
