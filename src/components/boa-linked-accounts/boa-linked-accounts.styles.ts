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
  /* Credentials and AWS account are short: they keep to one line and the enterprise name takes the rest. */
  th:not(:first-child),
  td:not(:first-child) {
    width: 1%;
    white-space: nowrap;
  }
  td:first-child {
    overflow-wrap: anywhere;
  }
  /* Except "Missing" with its "Add the keys of …" button: it wraps, from a readable width. */
  td:not(:first-child):has(.status--fail) {
    white-space: normal;
    min-width: 16em;
  }
  /* A checkbox and its (long) label side by side, the label in normal weight, as the console's own checkboxes. */
  .field--check {
    display: flex;
    gap: 8px;
    align-items: baseline;
  }
  .field--check label {
    font-weight: normal;
    margin: 0;
  }
  form {
    border-top: 1px solid #ddd;
    padding-top: 8px;
  }
`;
