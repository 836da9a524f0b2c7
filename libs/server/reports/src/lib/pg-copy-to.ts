import type { Readable } from 'node:stream';

/**
 * `COPY … TO STDOUT` as a readable stream of the raw bytes, submitted with `client.query(copyTo(sql))`.
 * pg-copy-streams publishes no types: the one function used is typed here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const copyTo = (require('pg-copy-streams') as { to: (sql: string) => Readable }).to;
