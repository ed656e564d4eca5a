import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bytePieces} from '../../test/helpers/byte-pieces.ts';
import {csvRows} from '../preview/csv-rows.ts';
import {nodeUtf8} from './node-utf8.ts';

// A byte order mark, characters of two, three and four bytes, and a last line without a line end.
const TEXT = '\uFEFFlineItem/UsageAccountId,lineItem/LineItemDescription,lineItem/UnblendedCost\n111111111111,"Señal, 0,50 € 🙂",0.5\n222222222222,Ω,1';
const EXPECTED = [
  ['lineItem/UsageAccountId', 'lineItem/LineItemDescription', 'lineItem/UnblendedCost'],
  ['111111111111', 'Señal, 0,50 € 🙂', '0.5'],
  ['222222222222', 'Ω', '1'],
];

describe("Node's StringDecoder as the preview's UTF-8 decoder", () => {
  it('gives the rows TextDecoder gives, whatever piece a character or the byte order mark is cut by', async () => {
    const bytes = new TextEncoder().encode(TEXT);
    for (let size = 1; size <= bytes.length; size++) {
      const rows: string[][] = [];
      for await (const batch of csvRows(bytePieces(bytes, size), undefined, nodeUtf8)) rows.push(...batch);
      assert.deepEqual(rows, EXPECTED, `pieces of ${size} bytes`);
    }
  });
});
