import type { AlertChannel, ConvoyEventType, PlaceKind, QuietHours, Role } from '@convoy/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which events reach whom, through which channels. Filters that are null do not filter. */
@Entity({ name: 'alert_rules' })
export class AlertRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 40, array: true })
  events!: ConvoyEventType[];

  @Column({ name: 'place_ids', type: 'uuid', array: true, nullable: true })
  placeIds!: string[] | null;

  @Column({ name: 'place_kinds', type: 'varchar', length: 16, array: true, nullable: true })
  placeKinds!: PlaceKind[] | null;

  @Column({ name: 'driver_ids', type: 'uuid', array: true, nullable: true })
  driverIds!: string[] | null;

  @Column({ name: 'recipient_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  recipientUserIds!: string[];

  @Column({ name: 'recipient_roles', type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  recipientRoles!: Role[];

  @Column({ type: 'varchar', length: 16, array: true })
  channels!: AlertChannel[];

  @Column({ name: 'quiet_hours', type: 'jsonb', nullable: true })
  quietHours!: QuietHours | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
