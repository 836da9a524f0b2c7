import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConvoyEventType } from '@convoy/contracts';

/**
 * The transactional outbox: one row per event, inserted in the same transaction as what caused it
 * (`appendEvents`). `dispatched_at` is set, in one transaction with the fan-out's own rows
 * (notifications, deliveries…), by whichever replica's `EventDispatcher` claimed it (`SKIP LOCKED`).
 */
@Entity({ name: 'events' })
@Index('events_undispatched_idx', ['seq'], { where: '"dispatched_at" IS NULL' })
export class EventEntity {
  /** Commit-independent order of insertion (a `bigserial`); the dispatcher claims in this order. */
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Index('events_id_key', { unique: true })
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: ConvoyEventType;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** No foreign key: erasure scrubs a driver's events itself, and a deleted driver's history may stay. */
  @Index('events_driver_idx')
  @Column({ name: 'driver_id', type: 'uuid', nullable: true })
  driverId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
