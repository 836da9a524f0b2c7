import { existsSync, statfsSync } from 'node:fs';
import type { Client } from 'pg';

/**
 * Disk the bench's database needs, estimated before anything is written: bytes per row on disk with
 * every index (measured: 381 with the indexes maintained row by row, ~300 when they are built after
 * the load), plus WAL Postgres keeps until a checkpoint recycles it (max_wal_size), plus the sort
 * files of one day's index build.
 */
export const BYTES_PER_ROW_ESTIMATE = 400;
const HEADROOM_BYTES = 3 * 1024 ** 3;

export const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

export function diskEstimateBytes(rows: number): number {
  return rows * BYTES_PER_ROW_ESTIMATE + HEADROOM_BYTES;
}

/** Free bytes where the server keeps its data, or null when that directory is not on this machine (a remote server). */
export async function serverFreeBytes(client: Client): Promise<{ directory: string; freeBytes: number | null }> {
  const directory = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0].data_directory;
  if (!existsSync(directory)) return { directory, freeBytes: null };
  const stats = statfsSync(directory);
  return { directory, freeBytes: Number(stats.bavail) * Number(stats.bsize) };
}
