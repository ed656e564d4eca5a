import {css} from 'lit';

export default css`
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: 12px;
  }
  th,
  td {
    text-align: left;
    padding: 4px 8px;
    border-bottom: 1px solid #ddd;
  }
  form {
    border-top: 1px solid #ddd;
    padding-top: 8px;
  }
`;
