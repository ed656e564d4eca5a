/**
 * Turns whatever the operator pasted into an access key pair: two fields, the `accessKeys.csv` AWS downloads
 * (with or without BOM, with or without a `User name` column), or the text of a CloudFormation Outputs tab.
 * Pure: no request, no logging.
 */
import {err, ok, type Result} from '../shared/result.ts';

export interface PastedKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly userName?: string;
}

export type KeysPasteError = 'KEYS_NOT_FOUND';

const QUOTES = /^["'`\u201c\u201d\u2018\u2019]+|["'`\u201c\u201d\u2018\u2019]+$/g;
// BOM and zero-width characters that come along with copies from web pages and Excel.
const INVISIBLE = /[\ufeff\u200b-\u200d\u2060]/g;

/** Trims whitespace, invisible characters and surrounding quotes, as a paste into one field needs. */
export function cleanField(value: string | undefined): string {
  let text = (value ?? '').replace(INVISIBLE, '').trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(QUOTES, '').trim();
  }
  return text;
}

const KEY_ID_TOKEN = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
const SECRET_TOKEN = /^[A-Za-z0-9/+]{40}$/;

/** Splits one CSV line, honouring double quotes (AWS quotes nothing today, Excel re-saves may). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map(cleanField);
}

/** `accessKeys.csv`: header `Access key ID,Secret access key`, optionally preceded by `User name`. */
export function parseAccessKeysCsv(text: string): Result<PastedKeys, KeysPasteError> {
  const lines = text.replace(INVISIBLE, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const headerAt = lines.findIndex((l) => /access key id/i.test(l) && /secret access key/i.test(l));
  if (headerAt < 0 || headerAt + 1 >= lines.length) return err('KEYS_NOT_FOUND');
  const header = splitCsvLine(lines[headerAt]!).map((h) => h.toLowerCase());
  const row = splitCsvLine(lines[headerAt + 1]!);
  const at = (name: string) => row[header.indexOf(name)] ?? '';
  const accessKeyId = at('access key id');
  const secretAccessKey = at('secret access key');
  if (!accessKeyId || !secretAccessKey) return err('KEYS_NOT_FOUND');
  const userName = header.includes('user name') ? at('user name') : '';
  return ok({accessKeyId, secretAccessKey, ...(userName ? {userName} : {})});
}

/**
 * The Outputs tab copied from the CloudFormation console: rows of `Key  Value  Description  Export name`
 * separated by tabs or runs of spaces. Output keys are template-defined, so values are recognised by shape;
 * a row whose key mentions "user" gives the user name.
 */
export function parseCloudFormationOutputs(text: string): Result<PastedKeys, KeysPasteError> {
  let accessKeyId = '';
  let secretAccessKey = '';
  let userName = '';
  for (const line of text.replace(INVISIBLE, '').split(/\r?\n/)) {
    const cells = line.split(/\t| {2,}|,/).map(cleanField).filter(Boolean);
    for (const cell of cells) {
      if (!accessKeyId && KEY_ID_TOKEN.test(cell)) accessKeyId = cell;
      else if (!secretAccessKey && SECRET_TOKEN.test(cell) && !KEY_ID_TOKEN.test(cell)) secretAccessKey = cell;
    }
    const [key, value] = cells;
    if (!userName && key && value && /user ?name|^user$|username/i.test(key) && /^[\w+=,.@-]{1,64}$/.test(value)) userName = value;
  }
  if (!accessKeyId || !secretAccessKey) return err('KEYS_NOT_FOUND');
  return ok({accessKeyId, secretAccessKey, ...(userName ? {userName} : {})});
}

/** Any paste into the keys area: CSV first (it has a header), then the Outputs text or two bare tokens. */
export function parseKeysPaste(text: string): Result<PastedKeys, KeysPasteError> {
  const csv = parseAccessKeysCsv(text);
  return csv.ok ? csv : parseCloudFormationOutputs(text);
}
