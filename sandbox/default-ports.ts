/**
 * Where `npm run sandbox` listens unless told otherwise. The sandbox build (`npm run build -- --sandbox`) sends AWS
 * requests to these S3, STS and CUR ports, so a build loaded by hand reaches a running `npm run sandbox`. Tests and
 * `npm start` use free ports instead and write theirs into their own copy of the build (`sandbox-endpoints.json`).
 * Constants only: the build configuration (vite.config.ts) reads them without loading the sandbox.
 */
export const DEFAULT_PORTS = {console: 17400, s3: 17401, sts: 17402, cur: 17403} as const satisfies Record<'console' | 's3' | 'sts' | 'cur', number>;

/** The AWS endpoints at the default ports: what the sandbox build is pointed at. */
export const DEFAULT_AWS_ENDPOINTS = {
  s3: `http://127.0.0.1:${DEFAULT_PORTS.s3}`,
  sts: `http://127.0.0.1:${DEFAULT_PORTS.sts}`,
  cur: `http://127.0.0.1:${DEFAULT_PORTS.cur}`,
} as const;
