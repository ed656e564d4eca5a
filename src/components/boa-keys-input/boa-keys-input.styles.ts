import {css} from 'lit';

export default css`
  .pair {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  .drop {
    border: 2px dashed var(--boa-border);
    border-radius: var(--boa-radius);
    padding: 8px;
  }
  .drop--over {
    border-color: var(--boa-accent);
    background: #f5f9fc;
  }
  .masked {
    font-family: monospace;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 8px 0 0;
    border: 1px solid var(--boa-border);
    border-radius: var(--boa-radius);
  }
  .choices legend {
    padding: 0 4px;
  }
  .choices button {
    font-family: monospace;
  }
  input[type='file'] {
    font: inherit;
  }
`;
