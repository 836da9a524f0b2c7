import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DriverEntity } from './driver.entity';

/**
 * Hours of a driver's history that took points after the fact (a GPS app's offline batch, a late
 * redelivery, clock skew): one row per driver and hour, `written_at` the latest such write. Written
 * by PositionWriter in the same statement as the points (`late/late-positions.ts`); read by whatever
 * keeps results derived from closed stretches of history (the reports' prepared summaries), which
 * must be recomputed once a late point lands in them.
 */
@Entity({ name: 'position_late_writes' })
export class PositionLateWriteEntity {
  @PrimaryColumn({ name: 'driver_id', type: 'uuid', primaryKeyConstraintName: 'position_late_writes_pkey' })
  driverId!: string;

  @ManyToOne(() => DriverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'position_late_writes_driver_id_fkey' })
  driver?: DriverEntity;

  /** The hour (UTC, truncated) the late points were recorded in. */
  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'position_late_writes_pkey' })
  hour!: Date;

  @Column({ name: 'written_at', type: 'timestamptz' })
  writtenAt!: Date;
}
