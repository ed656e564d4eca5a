/** The `accessKeys.csv` the IAM console downloads for a new access key: UTF-8 with a byte-order mark, CRLF lines. */
export const accessKeysCsv = (keys: {readonly accessKeyId: string; readonly secretAccessKey: string}): string =>
  `\ufeffAccess key ID,Secret access key\r\n${keys.accessKeyId},${keys.secretAccessKey}\r\n`;
