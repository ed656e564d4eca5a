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
  input[type='file'] {
    font: inherit;
  }
`;
