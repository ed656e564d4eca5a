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
  /* Our own picker button and file name (the browser's file input says "Choose File" in its own language). */
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin-top: 8px;
  }
  .file > span:first-child {
    flex-basis: 100%;
    font-weight: bold;
  }
  .file-name {
    color: var(--boa-muted);
    overflow-wrap: anywhere;
  }
`;
