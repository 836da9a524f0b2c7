import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { JoinChannel } from '@convoy/contracts';
import { DriverEntity } from '@convoy/server/tracking';

/** A browser or GPS app bound to a driver by a link. Only the device key's hash is kept. */
@Entity({ name: 'driver_devices' })
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('driver_devices_driver_id_key', { unique: true })
  @Column({ name: 'driver_id', type: 'uuid' })
  driverId!: string;

  @OneToOne(() => DriverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'driver_devices_driver_id_fkey' })
  driver?: DriverEntity;

  @Column({ type: 'varchar', length: 16 })
  channel!: JoinChannel;

  @Index('driver_devices_key_hash_key', { unique: true })
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
