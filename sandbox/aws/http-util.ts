/** Small helpers shared by the simulated S3, STS and CUR endpoints. */
import {randomBytes} from 'node:crypto';
import type {IncomingMessage} from 'node:http';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;'})[c]!);
}

/** `<Name>value</Name>` for each entry, values escaped. */
export function xmlFields(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(v!)}</${k}>`)
    .join('');
}

export function requestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Simulates a connection dropped by the network: no status line, just a reset. */
export function dropConnection(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

const amzDate = (d: Date): string => d.toISOString().replace(/[-:]|\.\d{3}/g, '');

/** What STS and the JSON APIs say about a request signed more than 15 minutes before their clock. */
export function signatureExpiredMessage(requestTime: Date, serverTime: Date): string {
  const earliest = new Date(serverTime.getTime() - 15 * 60 * 1000);
  return `Signature expired: ${amzDate(requestTime)} is now earlier than ${amzDate(earliest)} (${amzDate(serverTime)} - 15 min.)`;
}
