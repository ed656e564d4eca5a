import {css} from 'lit';

export default css`
  fieldset {
    border: 0;
    margin: 0 0 12px;
    padding: 0;
  }
  legend {
    font-weight: bold;
    margin-bottom: 4px;
    padding: 0;
  }
  .choice {
    display: flex;
    gap: 8px;
    align-items: baseline;
    margin-bottom: 4px;
  }
  .choice label {
    font-weight: normal;
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0 0 12px;
  }
  dt {
    font-weight: bold;
  }
  dd {
    margin: 0;
    font-family: monospace;
  }
`;
