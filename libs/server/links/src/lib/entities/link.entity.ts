import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A single-use invitation for a driver to join (Telegram, the browser or a GPS app). Only the token's hash is kept. */
@Entity({ name: 'links' })
export class LinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('links_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'driver_name', type: 'varchar', length: 120 })
  driverName!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ name: 'created_by_email', type: 'varchar', length: 320, nullable: true })
  createdByEmail!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** The id the driver gets when the link is redeemed, known from creation (seed: `driver_id`). */
  @Index('links_reserved_driver_id_key', { unique: true })
  @Column({ name: 'reserved_driver_id', type: 'uuid', default: () => 'gen_random_uuid()' })
  reservedDriverId!: string;

  @Column({ name: 'redeemed_at', type: 'timestamptz', nullable: true })
  redeemedAt!: Date | null;

  @Column({ name: 'redeemed_by_driver_id', type: 'uuid', nullable: true })
  redeemedDriverId!: string | null;

  @Column({ name: 'redeemed_telegram_user_id', type: 'bigint', nullable: true })
  redeemedTelegramUserId!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
