import {css} from 'lit';

export default css`
  progress {
    display: block;
    width: 100%;
    height: 12px;
    margin: 4px 0 8px;
  }
  .chart {
    display: block;
    width: 100%;
    margin: 8px 0;
  }
  .chart text {
    font-size: 12px;
    fill: var(--boa-text-color, #333);
  }
  .bar {
    fill: var(--boa-primary-bg, #337ab7);
  }
  .bar--unbilled {
    fill: #d9534f;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: 8px;
  }
  th,
  td {
    text-align: left;
    padding: 4px 6px;
    border-bottom: 1px solid #ddd;
    vertical-align: top;
  }
  td.money,
  th.money {
    text-align: right;
    white-space: nowrap;
  }
  .unbilled {
    color: #a94442;
    font-weight: bold;
  }
  .services {
    margin: 4px 0 0 1em;
    padding: 0;
  }
  summary {
    cursor: pointer;
  }
`;
