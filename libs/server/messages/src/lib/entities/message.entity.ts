import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MESSAGE_DIRECTIONS, MESSAGE_STATUSES, type DriverChannel, type MessageDirection, type MessageStatus } from '@convoy/contracts';
import { UserEntity } from '@convoy/server/auth';
import { DriverEntity } from '@convoy/server/tracking';

const oneOf = (column: string, values: readonly string[]) => `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/** One message of a driver's thread: a dispatcher's (to-driver) or the driver's reply (from-driver). */
@Entity({ name: 'messages' })
@Check('messages_direction_check', oneOf('direction', MESSAGE_DIRECTIONS))
@Check('messages_status_check', oneOf('status', MESSAGE_STATUSES))
@Index('messages_driver_created_idx', ['driverId', 'createdAt'])
@Index('messages_pending_idx', ['nextAttemptAt'], { where: `"status" = 'sent'` })
@Index('messages_driver_telegram_message_key', ['driverId', 'telegramMessageId'], {
  unique: true,
  where: `"direction" = 'from-driver' AND "telegram_message_id" IS NOT NULL`,
})
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @ManyToOne(() => DriverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'messages_driver_id_fkey' })
  driver?: DriverEntity;

  @Column({ type: 'varchar', length: 16 })
  direction!: MessageDirection;

  /** The channel it went out on / came in from (the driver's at the time). */
  @Column({ type: 'varchar', length: 16 })
  channel!: DriverChannel;

  @Column({ type: 'varchar', length: 1000 })
  text!: string;

  /** to-driver: the buttons offered. */
  @Column({ name: 'quick_replies', type: 'jsonb', default: () => `'[]'` })
  quickReplies!: string[];

  /** from-driver: the button tapped (null for typed text); to-driver: the answer chosen (one per message). */
  @Column({ name: 'quick_reply', type: 'varchar', length: 32, nullable: true })
  quickReply!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: MessageStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error!: string | null;

  @Column({ name: 'sent_by_user_id', type: 'uuid', nullable: true })
  sentByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sent_by_user_id', foreignKeyConstraintName: 'messages_sent_by_user_id_fkey' })
  sentBy?: UserEntity | null;

  /** The sender's display name as it was (the email's local part). */
  @Column({ name: 'sent_by_name', type: 'varchar', length: 120, nullable: true })
  sentByName!: string | null;

  @Column({ name: 'telegram_message_id', type: 'integer', nullable: true })
  telegramMessageId!: number | null;

  /** Delivery attempts so far (to-driver over Telegram). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When a worker may (re)try; while one holds it, the end of its lease. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
