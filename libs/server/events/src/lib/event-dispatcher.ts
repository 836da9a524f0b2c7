import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConvoyEvent } from '@convoy/contracts';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { EVENTS_NOTIFY_CHANNEL } from './event-outbox';

/** Events claimed per transaction. */
export const DISPATCH_BATCH = 200;
/** Without a notification (another replica wrote, LISTEN lost), the outbox is still looked at this often. */
export const DISPATCH_POLL_MS = 1000;

/**
 * Moves events from the outbox to the consumers, on every replica: each claims undispatched rows
 * with `FOR UPDATE SKIP LOCKED` (so no two replicas ever take the same event), lets every consumer
 * write its work in the same transaction, marks them dispatched and commits. A crash before the
 * commit leaves the events undispatched for the next claim; after it, each consumer's own jobs carry
 * on. Woken by `pg_notify` from `appendEvents` (at commit), and by a poll as the safety net.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventDispatcher.name);
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;
  private listener: PoolClient | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: EventConsumers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen().catch((error: Error) => this.logger.warn(`LISTEN ${EVENTS_NOTIFY_CHANNEL} failed, polling only: ${error.message}`));
    this.poll = setInterval(() => this.nudge(), DISPATCH_POLL_MS);
    this.poll.unref();
    this.nudge();
  }

  /** Stops claiming; waits for the batch in flight. Runs before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners('notification');
      await listener.query(`UNLISTEN ${EVENTS_NOTIFY_CHANNEL}`).catch(() => undefined);
      listener.release();
    }
    await this.running;
  }

  /** Look at the outbox now (after a commit that appended events in this process, or a notification). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.dispatchAll().then(
      () => undefined,
      () => undefined,
    );
    void this.running.finally(() => {
      this.running = null;
    });
  }

  /** Dispatches until the outbox is empty (tests and shutdown wait on this). Returns how many. */
  async dispatchAll(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      for (;;) {
        let claimed: number;
        try {
          claimed = await this.dispatchBatch();
        } catch (error) {
          this.logger.error(`Dispatching events failed (they stay in the outbox): ${(error as Error).message}`);
          return total;
        }
        total += claimed;
        if (claimed < DISPATCH_BATCH || this.stopped) break;
      }
    } while (this.again && !this.stopped);
    return total;
  }

  private async dispatchBatch(): Promise<number> {
    const consumers = this.consumers.list();
    let dispatched: ConvoyEvent[] = [];
    await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(CLAIM_SQL, [DISPATCH_BATCH])) as ClaimedRow[];
      if (rows.length === 0) return;
      dispatched = rows.map(toEvent);
      for (const consumer of consumers) await consumer.fanOut(dispatched, tx);
      await tx.query(`UPDATE events SET dispatched_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((row) => row.seq)]);
    });
    for (const consumer of consumers) {
      try {
        consumer.afterCommit?.(dispatched);
      } catch (error) {
        this.logger.warn(`${consumer.name} after dispatch: ${(error as Error).message}`);
      }
    }
    return dispatched.length;
  }

  private async listen(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    client.on('notification', () => this.nudge());
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost, polling only: ${error.message}`);
      this.listener = null;
      client.release(error);
    });
    await client.query(`LISTEN ${EVENTS_NOTIFY_CHANNEL}`);
    this.listener = client;
  }
}

interface ClaimedRow {
  seq: string;
  id: string;
  type: ConvoyEvent['type'];
  occurred_at: Date;
  driver_id: string | null;
  data: ConvoyEvent['data'];
}

const CLAIM_SQL = `
  SELECT seq, id, type, occurred_at, driver_id, data
    FROM events
   WHERE dispatched_at IS NULL
   ORDER BY seq
   LIMIT $1
     FOR UPDATE SKIP LOCKED`;

function toEvent(row: ClaimedRow): ConvoyEvent {
  return { id: row.id, type: row.type, occurredAt: row.occurred_at.toISOString(), driverId: row.driver_id, data: row.data } as ConvoyEvent;
}
