/** Key IDs are only ever shown masked (SPEC §4): `AKIA…WXYZ`. */
export function maskKeyId(keyId: string): string {
  const id = keyId.trim();
  return id.length <= 8 ? '…' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
// 40 base-64 characters standing alone (`key=…` included, and `/` `+` percent-encoded as in a URL or form body):
// the shape of a secret access key.
const SECRET_LIKE = /(?<![A-Za-z0-9/+%])(?:[A-Za-z0-9/+]|%2[BbFf]){40}(?![A-Za-z0-9/+=%])/g;

/** Removes anything shaped like an AWS secret and masks key IDs, for logs and error details. */
export function redact(text: string): string {
  return text.replace(SECRET_LIKE, '[redacted]').replace(ACCESS_KEY_ID, (id) => maskKeyId(id));
}
