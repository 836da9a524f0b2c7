import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A driver's stay at a place: opened by `visit.arrived`, closed (departed_at set) by `visit.departed`. */
@Entity({ name: 'visits' })
@Index('visits_driver_arrived_idx', ['driverId', 'arrivedAt'])
@Index('visits_place_arrived_idx', ['placeId', 'arrivedAt'])
@Index('visits_open_idx', ['driverId'], { where: '"departed_at" IS NULL' })
export class VisitEntity {
  /** Given by the participant (the driver's place state refers to it before the row exists). */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @Column({ name: 'place_id', type: 'uuid' })
  placeId!: string;

  @Index('visits_arrived_idx')
  @Column({ name: 'arrived_at', type: 'timestamptz' })
  arrivedAt!: Date;

  @Column({ name: 'departed_at', type: 'timestamptz', nullable: true })
  departedAt!: Date | null;
}
