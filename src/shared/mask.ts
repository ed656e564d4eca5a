import {KEY_IDS_IN_TEXT, SECRET_RUN} from './key-shapes.ts';

/** Key IDs are only ever shown masked, `AKIA…WXYZ`: enough to tell keys apart, never the whole ID. */
export function maskKeyId(keyId: string): string {
  const id = keyId.trim();
  return id.length <= 8 ? '…' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/*
 * Secret access keys are found in a decoded view of the text, so that an encoding can neither hide a `/` or `+`
 * of the secret nor glue a letter to it (`\n` in JSON, `%22` in a URL): percent-encoding (also twice, `%252F`),
 * HTML character references, and JSON escapes are decoded, again until none is left (URL-encoded JSON).
 * Each view character remembers where it starts in the text, so what is masked is the original, encoded span.
 *
 * In the view, a run of the secret alphabet [A-Za-z0-9/+] is masked whole when
 *  - it is exactly 40 long (a secret standing alone, `=` padding or not) and has both upper and lower case, or
 *  - it is longer (a secret glued to letters or digits) and some 40 characters of it hold upper and lower case
 *    and a digit, or, without a digit, at least 8 of each case (camelCase words have one capital per word).
 * A random secret standing alone lacks a case a few times in a billion; glued, it escapes only with no digit (once
 * in a thousand) and under 8 of a case (once in thousands of those). What is kept: hex (SHAs, signatures) has one case; ARNs, S3 keys, bucket names and hosts are cut into
 * short runs by `-` `.` `:` `_`; Abiquo and AWS URL paths are lower case. A long camelCase path or identifier with
 * a digit is masked: better than leaking.
 */
const ESCAPE = /%(?:25)*[0-9A-Fa-f]{2}|&#(?:[xX][0-9A-Fa-f]+|[0-9]+);?|&(?:sol|plus|equals|amp);|\\u[0-9A-Fa-f]{4}|\\["\\/bfnrt]/g;
const NAMED: Record<string, string> = {
  '&sol;': '/',
  '&plus;': '+',
  '&equals;': '=',
  '&amp;': '&',
  '\\b': '\b',
  '\\f': '\f',
  '\\n': '\n',
  '\\r': '\r',
  '\\t': '\t',
};

function decode(escape: string): string {
  const code = escape.startsWith('%')
    ? parseInt(escape.slice(-2), 16)
    : /^(?:\\u|&#[xX])/.test(escape)
      ? parseInt(escape.slice(escape[0] === '\\' ? 2 : 3), 16)
      : escape.startsWith('&#')
        ? parseInt(escape.slice(2), 10)
        : NaN;
  if (Number.isNaN(code)) return NAMED[escape] ?? escape[1]; // named, or JSON's \" \\ \/
  return code < 0x80 ? String.fromCharCode(code) : ' '; // beyond ASCII: not the secret's alphabet
}

/** The text with every escape decoded; `starts[i]` is where view character i begins in the text (plus one entry for the end). */
function decodedView(text: string): {view: string; starts: number[]} {
  let view = text;
  let starts = Array.from({length: text.length + 1}, (_, i) => i);
  for (;;) {
    let next = '';
    const nextStarts: number[] = [];
    let at = 0;
    const copy = (end: number) => {
      next += view.slice(at, end);
      for (; at < end; at++) nextStarts.push(starts[at]);
    };
    for (const match of view.matchAll(ESCAPE)) {
      copy(match.index);
      next += decode(match[0]);
      nextStarts.push(starts[at]);
      at += match[0].length;
    }
    if (at === 0) return {view, starts}; // nothing left to decode
    copy(view.length);
    nextStarts.push(text.length);
    view = next;
    starts = nextStarts;
  }
}

function isSecretLike(run: string): boolean {
  const count = (s: string, letters: RegExp) => s.match(letters)?.length ?? 0;
  if (run.length === 40) return count(run, /[a-z]/g) > 0 && count(run, /[A-Z]/g) > 0;
  for (let i = 0; i + 40 <= run.length; i++) {
    const window = run.slice(i, i + 40);
    const [lower, upper] = [count(window, /[a-z]/g), count(window, /[A-Z]/g)];
    if (lower > 0 && upper > 0 && (/[0-9]/.test(window) || (lower >= 8 && upper >= 8))) return true;
  }
  return false;
}

/** Removes anything shaped like an AWS secret and masks key IDs, for logs and error details. */
export function redact(text: string): string {
  const {view, starts} = decodedView(text);
  let out = '';
  let at = 0;
  for (const match of view.matchAll(SECRET_RUN)) {
    if (!isSecretLike(match[0])) continue;
    out += `${text.slice(at, starts[match.index])}[redacted]`;
    at = starts[match.index + match[0].length];
  }
  return (out + text.slice(at)).replace(KEY_IDS_IN_TEXT, (id) => maskKeyId(id));
}
