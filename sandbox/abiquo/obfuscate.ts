import {createCipheriv, randomBytes} from 'node:crypto';

// Abiquo returns `access` encrypted as hex (its length follows the input's, 16-byte blocks): never the plaintext.
const key = randomBytes(16);

export function obfuscate(access: string): string {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([cipher.update(access, 'utf8'), cipher.final()]).toString('hex');
}
