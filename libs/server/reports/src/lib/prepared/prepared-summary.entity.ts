import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DriverEntity } from '@convoy/server/tracking';

/**
 * One driver's fleet-summary row for a range of whole closed days, as computed at `computed_at` with
 * the thresholds in `rules` (`PreparedSummaries`). It stands while no late point landed in the range
 * since (`position_late_writes`); the name is not kept (it is read from the driver at every answer).
 */
@Entity({ name: 'prepared_summaries' })
@Index('prepared_summaries_driver_idx', ['driverId'])
export class PreparedSummaryEntity {
  /** The thresholds it was computed with, `parking/tripDistance/tripDuration/noData/speed`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'prepared_summaries_pkey' })
  rules!: string;

  @PrimaryColumn({ name: 'range_from', type: 'timestamptz', primaryKeyConstraintName: 'prepared_summaries_pkey' })
  rangeFrom!: Date;

  @PrimaryColumn({ name: 'range_to', type: 'timestamptz', primaryKeyConstraintName: 'prepared_summaries_pkey' })
  rangeTo!: Date;

  @PrimaryColumn({ name: 'driver_id', type: 'uuid', primaryKeyConstraintName: 'prepared_summaries_pkey' })
  driverId!: string;

  @ManyToOne(() => DriverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'prepared_summaries_driver_id_fkey' })
  driver?: DriverEntity;

  /** The database's clock before the points were read. */
  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;

  @Column({ name: 'distance_m', type: 'double precision' })
  distanceM!: number;

  @Column({ name: 'driving_s', type: 'double precision' })
  drivingS!: number;

  @Column({ name: 'stopped_s', type: 'double precision' })
  stoppedS!: number;

  @Column({ type: 'integer' })
  trips!: number;

  @Column({ type: 'integer' })
  stops!: number;

  @Column({ name: 'max_speed_kmh', type: 'double precision' })
  maxSpeedKmh!: number;

  @Column({ name: 'first_position_at', type: 'timestamptz', nullable: true })
  firstPositionAt!: Date | null;

  @Column({ name: 'last_position_at', type: 'timestamptz', nullable: true })
  lastPositionAt!: Date | null;
}
