import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PositionSource } from '@convoy/contracts';
import { bigintNumber, DriverEntity } from './driver.entity';

/**
 * Append-only history, partitioned by day of `recorded_at` (migration PartitionPositions; TypeORM does
 * not describe partitioning, the migration and `positions_create_partition` do). Written in batches by
 * PositionWriter (raw SQL); read through this entity. The primary key and every unique index contain
 * the partition key, as Postgres requires. `positions_driver_recorded_idx` also INCLUDEs the columns
 * history, reports and exports read (index-only scans), which TypeORM cannot express.
 */
@Entity({ name: 'positions' })
@Index('positions_driver_recorded_idx', ['driverId', 'recordedAt'])
@Index('positions_driver_point_key', ['driverId', 'recordedAt'], { unique: true, where: 'telegram_update_id IS NULL' })
@Index('positions_telegram_update_id_key', ['telegramUpdateId', 'recordedAt'], { unique: true, where: 'telegram_update_id IS NOT NULL' })
export class PositionEntity {
  @PrimaryColumn({ type: 'bigint', default: () => "nextval('positions_id_seq')" })
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

  @PrimaryColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 24 })
  source!: PositionSource;

  @Column({ name: 'telegram_update_id', type: 'bigint', nullable: true, transformer: bigintNumber() })
  telegramUpdateId!: number | null;
}
