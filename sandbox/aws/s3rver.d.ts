// Minimal typing for the parts of s3rver 3.x the sandbox uses (the package ships no types).
declare module 's3rver' {
  import type {Server} from 'node:http';
  import type {AddressInfo} from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    /** Buckets created as the server starts (`configs`: CORS or website XML). */
    configureBuckets?: {name: string; configs?: (string | Buffer)[]}[];
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
