import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookDeliveryStatus, WebhookPayload } from '@convoy/contracts';
import { WebhookEntity } from './webhook.entity';

/**
 * One event for one endpoint: a durable job. Written by the fan-out in the event dispatcher's
 * transaction (unique per webhook and event, so a repeated dispatch adds nothing), claimed by the
 * delivery workers of every replica with a short lease (`next_attempt_at` moves past the attempt's
 * timeout, `lease` names the claim), finished by a conditional update on that lease.
 */
@Entity({ name: 'webhook_deliveries' })
@Index('webhook_deliveries_webhook_event_key', ['webhookId', 'eventId'], { unique: true })
@Index('webhook_deliveries_log_idx', ['webhookId', 'createdAt'])
@Index('webhook_deliveries_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId!: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_deliveries_webhook_id_fkey' })
  webhook?: WebhookEntity;

  /** The outbox event's id (the `webhook-id` header); a test event's own id. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType!: string;

  /** Only for `webhook.test` (not an outbox event); real events are read from `events` when sent. */
  @Column({ type: 'jsonb', nullable: true })
  payload!: WebhookPayload | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_response_code', type: 'int', nullable: true })
  lastResponseCode!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** Pending: when it is due (while an attempt runs: when its lease ends); null once finished. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** The claim of the attempt in flight; only that claim may record its outcome. */
  @Column({ type: 'uuid', nullable: true })
  lease!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
