import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DRIVER_CHANNELS,
  DRIVER_ERASED_BY,
  DRIVER_STATUSES,
  POSITION_EXPORT_FORMATS,
  POSITION_SOURCES,
  type CurrentPlaceDto,
  type DriverChannel,
  type DriverDto,
  type DriverErasedBy,
  type EraseDriverRequest,
  type DriverStatus,
  type PositionDto,
  type PositionExportFormat,
  type PositionHistoryDto,
  type PositionSource,
  type TelegramIdentityDto,
  type UpdateDriverRequest,
} from '@convoy/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class PositionResponseDto implements PositionDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b' })
  driverId!: string;

  @ApiProperty({ example: 50.0875, minimum: -90, maximum: 90 })
  latitude!: number;

  @ApiProperty({ example: 14.4213, minimum: -180, maximum: 180 })
  longitude!: number;

  @ApiProperty({ example: 12, nullable: true, type: Number, description: 'Metres (0–1500)' })
  accuracy!: number | null;

  @ApiProperty({ example: 90, nullable: true, type: Number, description: 'Degrees (0–360, 0 and 360 = north)' })
  heading!: number | null;

  @ApiProperty({ example: 13.9, nullable: true, type: Number, description: 'Metres per second' })
  speed!: number | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:30:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ enum: POSITION_SOURCES, enumName: 'PositionSource', example: 'telegram-live' })
  source!: PositionSource;

  @ApiPropertyOptional({ example: 76, nullable: true, type: Number, description: 'Device battery in % (0–100), when the channel reports it' })
  battery?: number | null;

  @ApiPropertyOptional({ example: 212, nullable: true, type: Number, description: 'Metres above sea level, when the channel reports it' })
  altitude?: number | null;
}

export class TelegramIdentityResponseDto implements TelegramIdentityDto {
  @ApiProperty({ example: 123456789 })
  userId!: number;

  @ApiProperty({ example: 'jan_driver', nullable: true, type: String })
  username!: string | null;

  @ApiProperty({ example: 'Jan', nullable: true, type: String })
  firstName!: string | null;

  @ApiProperty({ example: 'Novák', nullable: true, type: String })
  lastName!: string | null;

  @ApiProperty({ example: 'cs', nullable: true, type: String })
  languageCode!: string | null;
}

export class CurrentPlaceResponseDto implements CurrentPlaceDto {
  @ApiProperty({ format: 'uuid', example: '3f0c2a9e-5b6d-4c7e-8f90-1a2b3c4d5e6f', description: "The place's id" })
  id!: string;

  @ApiProperty({ example: 'Depot North' })
  name!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T08:31:00.000Z', description: 'The arrival' })
  since!: string;
}

export class DriverResponseDto implements DriverDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b' })
  id!: string;

  @ApiProperty({ example: 'Jan Novák (truck 7)' })
  name!: string;

  @ApiProperty({ enum: DRIVER_STATUSES, enumName: 'DriverStatus', example: 'live' })
  status!: DriverStatus;

  @ApiProperty({
    enum: DRIVER_CHANNELS,
    enumName: 'DriverChannel',
    nullable: true,
    example: 'telegram',
    description: 'How the driver is connected: the Telegram bot, the join page in a browser, a GPS app; null when unbound',
  })
  channel!: DriverChannel | null;

  @ApiProperty({ type: TelegramIdentityResponseDto, nullable: true })
  telegram!: TelegramIdentityResponseDto | null;

  @ApiProperty({ type: PositionResponseDto, nullable: true })
  lastPosition!: PositionResponseDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T17:30:00.000Z' })
  liveUntil!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T09:00:00.000Z' })
  sharingSince!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    example: null,
    description: 'When the driver last stopped sharing (or the live period ran out); null when never',
  })
  sharingEndedAt!: string | null;

  @ApiProperty({ example: false })
  demo!: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    example: null,
    description: 'When the driver left and their data was erased (positions, Telegram identity, name, link notes); null while not erased',
  })
  erasedAt!: string | null;

  @ApiProperty({ enum: DRIVER_ERASED_BY, enumName: 'DriverErasedBy', nullable: true, example: null })
  erasedBy!: DriverErasedBy | null;

  @ApiProperty({
    type: CurrentPlaceResponseDto,
    nullable: true,
    description: "The driver's open visit: at this place since the arrival, whatever the status; null when at none",
  })
  currentPlace!: CurrentPlaceResponseDto | null;

  @ApiProperty({ example: 0, description: "The driver's replies no dispatcher has read yet" })
  unreadMessages!: number;
}

export class EraseDriverDto implements EraseDriverRequest {
  @ApiProperty({ example: 'Jan Novák (truck 7)', maxLength: 120, description: "The driver's current name, typed to confirm" })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  confirmName!: string;
}

export class UpdateDriverDto implements UpdateDriverRequest {
  @ApiProperty({ example: 'Jan Novák (truck 7)', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class PositionHistoryQueryDto {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-24T00:00:00.000Z', description: 'Default: 24 h before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-24T23:59:59.999Z', description: 'Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: POSITION_EXPORT_FORMATS, example: 'json', default: 'json' })
  @IsOptional()
  @IsIn(POSITION_EXPORT_FORMATS)
  format?: PositionExportFormat;
}

export class PositionHistoryResponseDto implements PositionHistoryDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b' })
  driverId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T00:00:00.000Z' })
  from!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T23:59:59.999Z' })
  to!: string;

  @ApiProperty({ example: 1440, description: 'Points in the range before downsampling' })
  total!: number;

  @ApiProperty({ example: false, description: 'true when total exceeded the cap (`maxPoints`) and points were thinned evenly' })
  downsampled!: boolean;

  @ApiProperty({ example: 5000, description: 'The most points a JSON answer carries; exports always contain every point' })
  maxPoints!: number;

  @ApiProperty({ example: 1, description: '1 = every point; n = every n-th point in time order, plus the last' })
  thinningStep!: number;

  @ApiProperty({ type: PositionResponseDto, isArray: true })
  positions!: PositionResponseDto[];
}
