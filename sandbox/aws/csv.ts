/** CUR CSV text: quoted only where a value needs it, `\n` line ends, as AWS writes it. */

const needsQuotes = (value: string): boolean => value.includes(',') || value.includes('"') || value.includes('\n');
const csvCell = (value: string): string => (needsQuotes(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvHeader = (columns: readonly string[], rename: (column: string) => string = (c) => c): string =>
  `${columns.map((c) => csvCell(rename(c))).join(',')}\n`;

/**
 * Makes the CSV lines (each with its `\n`) of rows keyed by column name, values in the order of `columns`; absent
 * values, and keys that are not columns, are left out. A report's rows fill about a third of its 131 columns, so
 * each line is built from the row's own keys (one pass of a million lines takes seconds, not a minute).
 */
export function csvLines(columns: readonly string[]): (row: Readonly<Record<string, string>>) => string {
  const index = new Map(columns.map((column, i) => [column, i]));
  const cells = columns.map(() => '');
  return (row) => {
    const filled: number[] = [];
    for (const column in row) {
      const i = index.get(column);
      if (i === undefined) continue;
      cells[i] = csvCell(row[column]!);
      filled.push(i);
    }
    const line = `${cells.join(',')}\n`;
    for (const i of filled) cells[i] = '';
    return line;
  };
}

export function toCsv(header: readonly string[], rows: Iterable<Readonly<Record<string, string>>>, rename?: (column: string) => string): string {
  const line = csvLines(header);
  let csv = csvHeader(header, rename);
  for (const row of rows) csv += line(row);
  return csv;
}

/** `lineItem/UnblendedCost` → `line_item_unblended_cost`, the naming of CUR 2.0 and of Athena/Parquet CURs. */
export function snakeCaseColumn(column: string): string {
  return column
    .split('/')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())
    .join('_');
}
