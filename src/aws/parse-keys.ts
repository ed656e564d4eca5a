/**
 * Turns whatever the operator pasted into an access key pair: two fields, the `accessKeys.csv` AWS downloads
 * (with or without BOM, with or without a `User name` column, one row or several), or the text of a CloudFormation
 * Outputs tab.
 * Pure: no request, no logging.
 */
import {KEY_ID_LIKE, SECRET} from '../shared/key-shapes.ts';
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
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(QUOTES, '').trim();
  }
  return text;
}

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

// IAM user names (IAM API `userNameType`); anything else in the column is not shown as one.
const USER_NAME = /^[\w+=,.@-]{1,64}$/;
const CSV_HEADER = (line: string) => /access key id/i.test(line) && /secret access key/i.test(line);

/**
 * Every key row of a CSV, in order and without repeats: the IAM console's `accessKeys.csv` (`Access key ID,Secret
 * access key`, one row), the older `credentials.csv` (`User name,Password,Access key ID,Secret access key,Console
 * login link`, a row per user), or several files pasted one after the other (each with its header).
 */
export function parseAccessKeysCsv(text: string): Result<readonly PastedKeys[], KeysPasteError> {
  const rows: PastedKeys[] = [];
  let header: string[] | undefined;
  for (const line of text.replace(INVISIBLE, '').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (CSV_HEADER(line)) {
      header = splitCsvLine(line).map((h) => h.toLowerCase());
      continue;
    }
    if (!header) continue;
    const cells = splitCsvLine(line);
    // A password with a comma or semicolon adds cells: the columns after it are counted from the end.
    const extra = Math.max(0, cells.length - header.length);
    const password = header.indexOf('password');
    const at = (name: string) => {
      const index = header!.indexOf(name);
      return index < 0 ? '' : (cells[password >= 0 && index > password ? index + extra : index] ?? '');
    };
    const accessKeyId = at('access key id');
    const secretAccessKey = at('secret access key');
    if (!accessKeyId || !secretAccessKey) continue;
    if (rows.some((row) => row.accessKeyId === accessKeyId && row.secretAccessKey === secretAccessKey)) continue;
    const userName = at('user name');
    const named = USER_NAME.test(userName) && !SECRET.test(userName);
    rows.push({accessKeyId, secretAccessKey, ...(named ? {userName} : {})});
  }
  return rows.length > 0 ? ok(rows) : err('KEYS_NOT_FOUND');
}

/** What a paste holds: one key pair, or rows of a CSV among which the operator chooses (`pickKeysRow`). */
export type KeysPaste = {readonly keys: PastedKeys} | {readonly choices: readonly PastedKeys[]};

/**
 * The row to use: the only one, or the only one of the expected IAM user (IAM user names ignore case). Several
 * rows and no single match are not guessed at: the operator chooses, among the expected user's rows if several.
 */
export function pickKeysRow(rows: readonly PastedKeys[], expectedUserName?: string): KeysPaste {
  if (rows.length === 1) return {keys: rows[0]!};
  const expected = expectedUserName?.toLowerCase();
  const theirs = expected ? rows.filter((row) => row.userName?.toLowerCase() === expected) : [];
  if (theirs.length === 1) return {keys: theirs[0]!};
  return {choices: theirs.length > 1 ? theirs : rows};
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
    const cells = line
      .split(/\t| {2,}|,/)
      .map(cleanField)
      .filter(Boolean);
    for (const cell of cells) {
      if (!accessKeyId && KEY_ID_LIKE.test(cell)) accessKeyId = cell;
      else if (!secretAccessKey && SECRET.test(cell) && !KEY_ID_LIKE.test(cell)) secretAccessKey = cell;
    }
    const [key, value] = cells;
    if (!userName && key && value && /user ?name|^user$|username/i.test(key) && USER_NAME.test(value)) userName = value;
  }
  if (!accessKeyId || !secretAccessKey) return err('KEYS_NOT_FOUND');
  return ok({accessKeyId, secretAccessKey, ...(userName ? {userName} : {})});
}

/**
 * Any paste into the keys area: CSV first (it has a header), then the Outputs text or two bare tokens. A CSV with
 * several rows gives the expected IAM user's, or the rows to choose from.
 */
export function parseKeysPaste(text: string, expectedUserName?: string): Result<KeysPaste, KeysPasteError> {
  const csv = parseAccessKeysCsv(text);
  if (csv.ok) return ok(pickKeysRow(csv.value, expectedUserName));
  const outputs = parseCloudFormationOutputs(text);
  return outputs.ok ? ok({keys: outputs.value}) : outputs;
}
