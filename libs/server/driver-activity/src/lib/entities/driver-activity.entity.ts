import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DriverEntity } from '@convoy/server/tracking';

/**
 * What the driver events remember per driver between batches (issue #10): the quiet spell (set by
 * the quiet watch with `driver.went_quiet`, cleared by the next position with `driver.back`) and the
 * speeding spell (set and reported by the position commit participant). A row exists once either
 * was needed; it goes with its driver.
 */
@Entity({ name: 'driver_activity' })
export class DriverActivityEntity {
  @PrimaryColumn({ name: 'driver_id', type: 'uuid', primaryKeyConstraintName: 'driver_activity_pkey' })
  driverId!: string;

  @OneToOne(() => DriverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'driver_activity_driver_id_fkey' })
  driver?: DriverEntity;

  /** When `driver.went_quiet` was written; null while not quiet. */
  @Column({ name: 'quiet_since', type: 'timestamptz', nullable: true })
  quietSince!: Date | null;

  /** The latest sign of life before the quiet spell (last position, else the session's start). */
  @Column({ name: 'quiet_last_seen_at', type: 'timestamptz', nullable: true })
  quietLastSeenAt!: Date | null;

  /** The first point over SPEEDING_KMH of the current spell; null while not speeding. */
  @Column({ name: 'speeding_since', type: 'timestamptz', nullable: true })
  speedingSince!: Date | null;

  @Column({ name: 'speeding_max_kmh', type: 'real', nullable: true })
  speedingMaxKmh!: number | null;

  /** `driver.speeding` was written for the current spell (one per spell). */
  @Column({ name: 'speeding_reported', type: 'boolean', default: false })
  speedingReported!: boolean;
}
