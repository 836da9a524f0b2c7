import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConvoyEventType } from '@convoy/contracts';

/** An integrator's endpoint: which event types it receives, and the secret deliveries are signed with. */
@Entity({ name: 'webhooks' })
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'varchar', length: 40, array: true })
  events!: ConvoyEventType[];

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Why Convoy disabled it (410 Gone, ~24 h of failures); null when enabled or disabled by a person. */
  @Column({ name: 'disabled_reason', type: 'varchar', length: 500, nullable: true })
  disabledReason!: string | null;

  /** The `whsec_…` signing secret, sealed with a key derived from APP_SECRET (`SecretBox`). */
  @Column({ name: 'secret_sealed', type: 'varchar', length: 200 })
  secretSealed!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
