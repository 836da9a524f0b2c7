import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PositionSource } from '@convoy/contracts';
import { bigintNumber, DriverEntity } from './driver.entity';

/** Append-only history. Written in batches by PositionWriter (raw SQL); read through this entity. */
@Entity({ name: 'positions' })
@Index('positions_driver_recorded_idx', ['driverId', 'recordedAt'])
@Index('positions_recorded_at_idx', ['recordedAt'])
@Index('positions_driver_point_key', ['driverId', 'recordedAt'], { unique: true, where: 'telegram_update_id IS NULL' })
export class PositionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @ManyToOne(() => DriverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'positions_driver_id_fkey' })
  driver?: DriverEntity;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'real', nullable: true })
  accuracy!: number | null;

  @Column({ type: 'smallint', nullable: true })
  heading!: number | null;

  @Column({ type: 'real', nullable: true })
  speed!: number | null;

  /** Device battery in % (0–100), when the channel reports it. */
  @Column({ type: 'real', nullable: true })
  battery!: number | null;

  @Column({ type: 'real', nullable: true })
  altitude!: number | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 24 })
  source!: PositionSource;

  @Index('positions_telegram_update_id_key', { unique: true, where: 'telegram_update_id IS NOT NULL' })
  @Column({ name: 'telegram_update_id', type: 'bigint', nullable: true, transformer: bigintNumber() })
  telegramUpdateId!: number | null;
}
