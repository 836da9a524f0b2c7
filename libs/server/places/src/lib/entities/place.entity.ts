import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GeoJsonPolygon, PlaceKind } from '@convoy/contracts';

/** A place drivers visit: a circle (`center_*` + `radius_m`) or a polygon (GeoJSON), never both. */
@Entity({ name: 'places' })
export class PlaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('places_name_idx')
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PlaceKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'center_lat', type: 'double precision', nullable: true })
  centerLat!: number | null;

  @Column({ name: 'center_lon', type: 'double precision', nullable: true })
  centerLon!: number | null;

  @Column({ name: 'radius_m', type: 'real', nullable: true })
  radiusM!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  polygon!: GeoJsonPolygon | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
