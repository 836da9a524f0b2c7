import { existsSync, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { withClient } from '@convoy/testing';
import type { Client } from 'pg';
import { POSITION_COPY_COLUMNS, positionLines, type PositionSeries } from './position-lines';
const { from: copyFrom } = require('pg-copy-streams') as { from: (sql: string) => NodeJS.WritableStream };

/**
 * The bench's bulk load (issue #11). Each UTC day is one unit of work, written by one of `workers`
 * connections (days are independent partitions, so two days load in parallel while each day keeps
 * the live order: every driver interleaved, in time order). Bench-only session settings:
 * - `session_replication_role = replica`: the foreign key's per-row trigger to `drivers` is skipped.
 *   Integrity still holds: the bench inserted every driver itself and writes only their ids (the
 *   constraint stays, marked valid, and is enforced again for the API's writes).
 * - `synchronous_commit = off`: a COPY's commit does not wait for its WAL flush (a crash would lose
 *   the bench's last statements, never corrupt anything).
 * Index modes:
 * - `after` (default): the day's partition (made by `positions_create_partition`, like maintenance
 *   makes it) is detached, its indexes and primary key dropped, the day copied in, the very same
 *   indexes and key re-created from their catalog definitions (names included: sorted builds), and
 *   the table attached again, which adopts them. `checkSchema` then proves every loaded partition is
 *   indistinguishable in the catalog from one the product creates. Built by sorting, the indexes are
 *   denser than live ingest's page splits leave them (the covering driver index ~57 % of the size).
 * - `during`: the rows go through the attached partition's indexes row by row, as live ingest does
 *   (physical layout as in production; ~2.5× the Postgres CPU per row).
 */
export type IndexMode = 'after' | 'during';

export interface LoadSeries extends PositionSeries {
  steps: number;
}

export interface LoadOptions {
  workers: number;
  indexes: IndexMode;
  /** Called after each COPY statement with the rows it stored, and after each day is complete (indexed and attached). */
  onProgress(event: { rows: number } | { dayDone: true }): void;
}

export interface LoadResult {
  days: number;
  /** Seconds spent building indexes and attaching, summed over the workers. */
  indexSeconds: number;
  /** CPU seconds of the workers' Postgres backends (null when the server is not on this machine). */
  postgresCpuSeconds: number | null;
}

/** A local process's CPU time (user + system) in seconds, or null if it is not on this machine. */
function processCpuSeconds(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const DAY = 86_400_000;
/** Rows per COPY statement (each its own transaction). */
const COPY_CHUNK_ROWS = 250_000;

interface DayUnit {
  table: string;
  day: number;
  parts: Array<{ series: LoadSeries; from: number; steps: number }>;
  rows: number;
}

/** The steps of `series` that fall in [day, day + DAY). */
function stepsInDay(series: LoadSeries, day: number): { from: number; steps: number } {
  const step = series.intervalS * 1000;
  const from = Math.max(0, Math.ceil((day - series.start) / step));
  const to = Math.min(series.steps, Math.ceil((day + DAY - series.start) / step));
  return { from, steps: Math.max(0, to - from) };
}

export function dayUnits(series: LoadSeries[]): DayUnit[] {
  const first = Math.floor(Math.min(...series.map((s) => s.start)) / DAY) * DAY;
  const last = Math.max(...series.map((s) => s.start + (s.steps - 1) * s.intervalS * 1000));
  const units: DayUnit[] = [];
  for (let day = first; day <= last; day += DAY) {
    const parts = series.map((s) => ({ series: s, ...stepsInDay(s, day) })).filter((p) => p.steps > 0);
    const rows = parts.reduce((sum, p) => sum + p.steps * p.series.drivers.length, 0);
    if (rows > 0) units.push({ table: `positions_${new Date(day).toISOString().slice(0, 10).replace(/-/g, '')}`, day, parts, rows });
  }
  return units;
}

async function benchSession(client: Client): Promise<void> {
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET statement_timeout = 0`);
  // the two connections already keep both cores busy; and the backend's CPU then counts the whole build
  await client.query(`SET max_parallel_maintenance_workers = 0`);
}

interface Detached {
  bound: string;
  primaryKey: { name: string; definition: string };
  indexes: string[];
}

/** Detaches a day's partition and drops its indexes and key, remembering their exact definitions. */
async function detach(client: Client, table: string): Promise<Detached> {
  const bound = (await client.query<{ bound: string }>(`SELECT pg_get_expr(relpartbound, oid) AS bound FROM pg_class WHERE oid = $1::regclass`, [table])).rows[0].bound;
  const primaryKey = (
    await client.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
      [table],
    )
  ).rows[0];
  const indexes = (
    await client.query<{ definition: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY i.indexrelid`,
      [table],
    )
  ).rows.map((r) => r.definition);
  await client.query(`ALTER TABLE positions DETACH PARTITION "${table}"`);
  for (const name of (await client.query<{ name: string }>(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass AND NOT indisprimary`, [table])).rows) {
    await client.query(`DROP INDEX ${name.name}`);
  }
  await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${primaryKey.name}"`);
  return { bound, primaryKey, indexes };
}

async function reattach(client: Client, table: string, detached: Detached): Promise<void> {
  await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${detached.primaryKey.name}" ${detached.primaryKey.definition}`);
  for (const definition of detached.indexes) await client.query(definition);
  await client.query(`ALTER TABLE positions ATTACH PARTITION "${table}" ${detached.bound}`);
}

async function copyDay(client: Client, unit: DayUnit, onRows: (event: { rows: number }) => void): Promise<void> {
  for (const { series, from, steps } of unit.parts) {
    const chunkSteps = Math.max(1, Math.floor(COPY_CHUNK_ROWS / series.drivers.length));
    for (let k = from; k < from + steps; k += chunkSteps) {
      const n = Math.min(chunkSteps, from + steps - k);
      const sink = client.query(copyFrom(`COPY "${unit.table}" (${POSITION_COPY_COLUMNS}) FROM STDIN`) as never) as unknown as NodeJS.WritableStream;
      await pipeline(Readable.from(positionLines(series, k, n)), sink);
      onRows({ rows: n * series.drivers.length });
    }
  }
}

/**
 * Loads `series` into `positions` of the database at `url`, whose daily partitions must exist
 * (`positions_create_partition`, as maintenance makes them).
 */
export async function loadPositions(url: string, series: LoadSeries[], options: LoadOptions): Promise<LoadResult> {
  const units = dayUnits(series);
  const detached = new Map<string, Detached>();
  if (options.indexes === 'after') {
    // all DETACHes first: each needs ACCESS EXCLUSIVE on positions, which would wait for the other worker's COPY
    await withClient(url, async (client) => {
      for (const unit of units) detached.set(unit.table, await detach(client, unit.table));
    });
  }
  const queue = [...units];
  let indexMs = 0;
  let postgresCpu: number | null = 0;
  const worker = () =>
    withClient(url, async (client) => {
      await benchSession(client);
      const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const cpu0 = processCpuSeconds(backend);
      for (let unit = queue.shift(); unit; unit = queue.shift()) {
        await copyDay(client, unit, options.onProgress);
        const d = detached.get(unit.table);
        if (d) {
          const started = Date.now();
          await reattach(client, unit.table, d);
          indexMs += Date.now() - started;
        }
        options.onProgress({ dayDone: true });
      }
      const cpu1 = processCpuSeconds(backend);
      postgresCpu = postgresCpu === null || cpu0 === null || cpu1 === null ? null : postgresCpu + cpu1 - cpu0;
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.workers, units.length)) }, worker));
  return {
    days: units.length,
    indexSeconds: Math.round(indexMs / 100) / 10,
    postgresCpuSeconds: postgresCpu === null ? null : Math.round((postgresCpu as number) * 10) / 10,
  };
}

/** What the catalog says about a partition, with its own name taken out (indexes, constraints, triggers, columns, options). */
async function describe(client: Client, table: string): Promise<string[]> {
  const rows = await client.query<{ line: string }>(
    `SELECT 'index ' || replace(c.relname, $1, '<p>') || ': ' || replace(pg_get_indexdef(i.indexrelid), $1, '<p>')
              || ' valid=' || i.indisvalid || ' ready=' || i.indisready || ' of=' || coalesce((SELECT h.inhparent::regclass::text FROM pg_inherits h WHERE h.inhrelid = i.indexrelid), '-') AS line
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass
     UNION ALL
     SELECT 'constraint ' || replace(conname, $1, '<p>') || ': ' || pg_get_constraintdef(oid) || ' validated=' || convalidated
              || ' inherited=' || (conparentid <> 0) FROM pg_constraint WHERE conrelid = $1::regclass
     UNION ALL
     SELECT 'trigger ' || tgfoid::regproc::text || ' enabled=' || tgenabled::text || ' internal=' || tgisinternal FROM pg_trigger WHERE tgrelid = $1::regclass
     UNION ALL
     SELECT 'column ' || attname || ' ' || format_type(atttypid, atttypmod) || ' notnull=' || attnotnull
              || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-')
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
     UNION ALL
     SELECT 'table persistence=' || relpersistence::text || ' options=' || coalesce(array_to_string(reloptions, ','), '-') || ' partition=' || relispartition
       FROM pg_class WHERE oid = $1::regclass
     ORDER BY 1`,
    [table],
  );
  return rows.rows.map((r) => r.line);
}

/**
 * Proves the loaded partitions are what the product makes: each one's catalog description equals
 * that of a probe partition `positions_create_partition` creates (then dropped). Throws otherwise.
 */
export async function checkSchema(url: string, series: LoadSeries[]): Promise<{ partitionsChecked: number }> {
  return withClient(url, async (client) => {
    const probeDay = '2999-01-01';
    await client.query(`SELECT positions_create_partition($1::date)`, [probeDay]);
    try {
      const expected = (await describe(client, 'positions_29990101')).join('\n');
      const units = dayUnits(series);
      for (const { table } of units) {
        const actual = (await describe(client, table)).join('\n');
        if (actual !== expected) throw new Error(`${table} differs from a partition the product creates:\n--- product\n${expected}\n--- loaded\n${actual}`);
      }
      return { partitionsChecked: units.length };
    } finally {
      await client.query(`DROP TABLE positions_29990101`);
    }
  });
}
