import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CurrentPlaceDto, DriverChannel, DriverErasedBy, PositionSource } from '@convoy/contracts';

/** A tracked person, with their latest position kept on the row (the history is in `positions`). */
@Entity({ name: 'drivers' })
export class DriverEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('drivers_telegram_user_id_key', { unique: true, where: 'telegram_user_id IS NOT NULL' })
  @Column({ name: 'telegram_user_id', type: 'bigint', nullable: true, transformer: bigintNumber() })
  telegramUserId!: number | null;

  @Column({ name: 'telegram_chat_id', type: 'bigint', nullable: true, transformer: bigintNumber() })
  telegramChatId!: number | null;

  @Column({ name: 'telegram_username', type: 'varchar', length: 64, nullable: true })
  telegramUsername!: string | null;

  @Column({ name: 'telegram_first_name', type: 'varchar', length: 128, nullable: true })
  telegramFirstName!: string | null;

  @Column({ name: 'telegram_last_name', type: 'varchar', length: 128, nullable: true })
  telegramLastName!: string | null;

  @Column({ name: 'language_code', type: 'varchar', length: 16, nullable: true })
  languageCode!: string | null;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  /** How the driver is connected (set by the enrolment, cleared when unbound or the device is revoked). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel!: DriverChannel | null;

  /** Start of the current sharing session (live location or check-ins), null when not sharing. */
  @Column({ name: 'sharing_since', type: 'timestamptz', nullable: true })
  sharingSince!: Date | null;

  /** When the current Telegram live location expires; null = indefinite or not live. */
  @Column({ name: 'live_until', type: 'timestamptz', nullable: true })
  liveUntil!: Date | null;

  /** The live-location message being followed (chat-scoped id). */
  @Column({ name: 'live_message_id', type: 'integer', nullable: true })
  liveMessageId!: number | null;

  @Column({ name: 'sharing_ended_at', type: 'timestamptz', nullable: true })
  sharingEndedAt!: Date | null;

  @Column({ name: 'last_latitude', type: 'double precision', nullable: true })
  lastLatitude!: number | null;

  @Column({ name: 'last_longitude', type: 'double precision', nullable: true })
  lastLongitude!: number | null;

  @Column({ name: 'last_accuracy', type: 'real', nullable: true })
  lastAccuracy!: number | null;

  @Column({ name: 'last_heading', type: 'smallint', nullable: true })
  lastHeading!: number | null;

  @Column({ name: 'last_speed', type: 'real', nullable: true })
  lastSpeed!: number | null;

  @Column({ name: 'last_battery', type: 'real', nullable: true })
  lastBattery!: number | null;

  @Column({ name: 'last_altitude', type: 'real', nullable: true })
  lastAltitude!: number | null;

  @Column({ name: 'last_recorded_at', type: 'timestamptz', nullable: true })
  lastRecordedAt!: Date | null;

  @Column({ name: 'last_source', type: 'varchar', length: 24, nullable: true })
  lastSource!: PositionSource | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The driver's personal data was erased then; the row is what the dispatcher still sees. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ name: 'erased_by', type: 'varchar', length: 16, nullable: true })
  erasedBy!: DriverErasedBy | null;

  /**
   * Not a column: the driver's open visit, read with the row by DriversService (undefined when the
   * row was loaded without it, which maps to null).
   */
  currentPlace?: CurrentPlaceDto | null;
}

/** Telegram ids exceed 2^31 but stay below 2^52: safe as JS numbers. */
export function bigintNumber() {
  return {
    to: (value: number | null) => value,
    from: (value: string | null) => (value === null ? null : Number(value)),
  };
}
