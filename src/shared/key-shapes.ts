/**
 * The shapes of an AWS access key pair, written once for the key check, the paste parser, the wrong-field guard,
 * the log masking and the tests. An access key ID is AKIA (long-term) or ASIA (temporary) and 16 characters of base
 * 32 (A–Z, 2–7); a secret access key is 40 characters of base 64. In `shared/` because the masking (used by every
 * folder) needs them.
 */

export const KEY_ID_LENGTH = 20;
export const KEY_ID_CHARACTER = /[A-Z2-7]/;
export const KEY_ID_PREFIX = /^(?:AKIA|ASIA)/;
export const KEY_ID = /^(?:AKIA|ASIA)[A-Z2-7]{16}$/;

/**
 * A key ID as looked for in a paste, a log line or a source file: any capital or digit after the prefix, so that a
 * mistyped ID is still found (and the check names the wrong character) and still masked.
 */
const KEY_ID_LIKE_SHAPE = /(?:AKIA|ASIA)[A-Z0-9]{16}/;
export const KEY_ID_LIKE = new RegExp(`^${KEY_ID_LIKE_SHAPE.source}$`);
/** Every key-ID-like word of a text (with `matchAll` or `replace`). */
export const KEY_IDS_IN_TEXT = new RegExp(`\\b${KEY_ID_LIKE_SHAPE.source}\\b`, 'g');

export const SECRET_LENGTH = 40;
export const SECRET_CHARACTER = /[A-Za-z0-9/+]/;
export const SECRET = /^[A-Za-z0-9/+]{40}$/;

/** Runs of the secret's alphabet at least a secret long, where a secret may hide in other text (with `matchAll`). */
export const SECRET_RUN = /[A-Za-z0-9/+]{40,}/g;
