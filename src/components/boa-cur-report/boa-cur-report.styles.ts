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
`;
