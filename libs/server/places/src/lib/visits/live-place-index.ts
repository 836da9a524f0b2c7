import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { PlaceEntity } from '../entities/place.entity';
import { PlaceIndex } from '../geometry/place-index';
import { toIndexedPlace } from '../entities/indexed-place';

/** Postgres channel: a place was created, changed, deleted or imported (on any replica). */
export const PLACES_NOTIFY_CHANNEL = 'convoy_places';
/** The safety net when a notification is lost: a cheap look at count + newest update this often. */
export const PLACES_POLL_MS = 10_000;

/**
 * The places of the whole install in this process's spatial index, for visit detection on the hot
 * path. Every replica follows edits: a writer calls `changed()` (its own index reloads before the
 * request is answered, and `pg_notify` tells the others, which reload on the notification); a poll
 * of `count(*), max(updated_at)` catches a lost notification or a dropped LISTEN connection.
 * A reload builds a new index and swaps it in: a batch in flight keeps the one it started with.
 */
@Injectable()
export class LivePlaceIndex implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LivePlaceIndex.name);
  private index = new PlaceIndex();
  private version = '';
  private loading: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;
  private listener: PoolClient | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The index as of the last reload (swap-on-reload: safe to keep for a whole batch). */
  get current(): PlaceIndex {
    return this.index;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    await this.listen().catch((error: Error) => this.logger.warn(`LISTEN ${PLACES_NOTIFY_CHANNEL} failed, polling only: ${error.message}`));
    this.poll = setInterval(() => void this.pollVersion(), PLACES_POLL_MS);
    this.poll.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners('notification');
      await listener.query(`UNLISTEN ${PLACES_NOTIFY_CHANNEL}`).catch(() => undefined);
      listener.release();
    }
    await this.loading;
  }

  /** After a write to `places` committed here: reload this index now and tell the other replicas. */
  async changed(): Promise<void> {
    await this.dataSource.query(`SELECT pg_notify('${PLACES_NOTIFY_CHANNEL}', '')`).catch((error: Error) =>
      this.logger.warn(`Could not notify other replicas of a place change (they poll): ${error.message}`),
    );
    await this.reload();
  }

  /** Rebuilds the index from `places` (coalesced: a reload asked for while one runs runs once after it). */
  reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        do {
          this.again = false;
          const [places, version] = await Promise.all([this.dataSource.getRepository(PlaceEntity).find(), this.readVersion()]);
          this.index = new PlaceIndex(places.map(toIndexedPlace));
          this.version = version;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.error(`Loading the places index failed (keeping the previous one): ${(error as Error).message}`);
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private async pollVersion(): Promise<void> {
    if (this.stopped || this.loading) return;
    try {
      if ((await this.readVersion()) !== this.version) await this.reload();
    } catch (error) {
      this.logger.warn(`Polling the places version failed: ${(error as Error).message}`);
    }
  }

  private async readVersion(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::text AS n, coalesce(max(updated_at)::text, '') AS at FROM places`)) as Array<{ n: string; at: string }>;
    return `${row.n}@${row.at}`;
  }

  private async listen(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    client.on('notification', () => void this.reload());
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost, polling only: ${error.message}`);
      this.listener = null;
      client.release(error);
    });
    await client.query(`LISTEN ${PLACES_NOTIFY_CHANNEL}`);
    this.listener = client;
  }
}
