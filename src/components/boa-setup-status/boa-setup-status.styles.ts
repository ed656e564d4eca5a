import {css} from 'lit';

export default css`
  ul {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
  }
  li {
    display: flex;
    gap: 8px;
    align-items: baseline;
    padding: 4px 0;
    border-bottom: 1px solid #eee;
  }
  details ul {
    margin: 4px 0 0;
  }
  .reason {
    flex: 1;
  }
`;
