import {css} from 'lit';

export default css`
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: 8px;
  }
  th,
  td {
    text-align: left;
    padding: 4px 8px;
    border-bottom: 1px solid #ddd;
    vertical-align: top;
  }
  td.value {
    font-family: monospace;
    word-break: break-all;
  }
  .unchanged {
    color: var(--boa-muted);
  }
  ul.steps {
    list-style: none;
    padding: 0;
    margin: 0 0 8px;
  }
`;
