import { ApiProperty } from '@nestjs/swagger';
import { DRIVER_STATUSES, type DriverStatus } from '@convoy/contracts';

/** The seed's flat driver-location shape (`/api/all-drivers`, `/api/driver-location/:id`). */
export class SeedDriverLocationDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b' })
  driver_id!: string;

  @ApiProperty({ example: 'Jan Novák (truck 7)' })
  name!: string;

  @ApiProperty({ example: 'jan_driver', description: "The seed's field: the Telegram username, else the driver's name" })
  username!: string;

  @ApiProperty({ enum: DRIVER_STATUSES, example: 'live' })
  status!: DriverStatus;

  @ApiProperty({ example: 50.0875, nullable: true, type: Number })
  latitude!: number | null;

  @ApiProperty({ example: 14.4213, nullable: true, type: Number })
  longitude!: number | null;

  @ApiProperty({ example: 12, nullable: true, type: Number })
  accuracy!: number | null;

  @ApiProperty({ example: 13.9, nullable: true, type: Number })
  speed!: number | null;

  @ApiProperty({ example: 90, nullable: true, type: Number })
  heading!: number | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T09:30:00.000Z' })
  timestamp!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T09:30:00.000Z', description: "The seed's field: the position's time (= `timestamp`)" })
  last_update!: string | null;

  @ApiProperty({ example: 76, nullable: true, type: Number, description: 'Device battery in %, when the channel reports it' })
  battery!: number | null;
}
