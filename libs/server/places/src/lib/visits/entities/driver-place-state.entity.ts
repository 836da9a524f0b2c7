import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersistedOpenVisit } from '../visit-batch';

/** What the visit rule knows of a driver: the newest point evaluated and the open visits (row-locked per batch). */
@Entity({ name: 'driver_place_states' })
export class DriverPlaceStateEntity {
  @PrimaryColumn({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @Column({ name: 'last_evaluated_at', type: 'timestamptz', nullable: true })
  lastEvaluatedAt!: Date | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  open!: PersistedOpenVisit[];
}
