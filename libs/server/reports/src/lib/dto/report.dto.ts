import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsTimeZone, IsUUID, MaxLength } from 'class-validator';
import { REPORT_FORMATS, type ReportFormat, type ReportPoint, type StopDto, type SummaryRowDto, type TripDto } from '@convoy/contracts';

/** The range and output of every report. */
export class ReportQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'ISO date-time, or a day (YYYY-MM-DD) starting at midnight in `tz`. Default: today',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'ISO date-time (exclusive), or a day (YYYY-MM-DD) included whole. Default: the end of today (now when `from` is given). At most 31 days after `from`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA zone of day boundaries and CSV times; default TIME_ZONE' })
  @IsOptional()
  @IsTimeZone()
  tz?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class SummaryQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One driver; default: every driver', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  @IsOptional()
  @IsUUID()
  driverId?: string;
}

/** Trips and stops are per driver: `driverId` is required (a subclass of the summary's would inherit its @IsOptional). */
export class DriverReportQueryDto extends ReportQueryDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  @IsUUID()
  driverId!: string;
}

export class ReportPointDto implements ReportPoint {
  @ApiProperty({ example: 52.52 })
  lat!: number;

  @ApiProperty({ example: 13.405 })
  lon!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The place the point lies in', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  placeId?: string;
}

export class TripResponseDto implements TripDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  driverId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  startAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  endAt!: string;

  @ApiProperty({ example: 1260 })
  durationS!: number;

  @ApiProperty({ example: 14250 })
  distanceM!: number;

  @ApiProperty({ example: 40.7 })
  avgSpeedKmh!: number;

  @ApiProperty({ example: 72.4 })
  maxSpeedKmh!: number;

  @ApiProperty({ type: ReportPointDto })
  start!: ReportPointDto;

  @ApiProperty({ type: ReportPointDto })
  end!: ReportPointDto;
}

export class StopResponseDto implements StopDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  driverId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  startAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  endAt!: string;

  @ApiProperty({ example: 1440 })
  durationS!: number;

  @ApiProperty({ example: 52.52 })
  lat!: number;

  @ApiProperty({ example: 13.405 })
  lon!: number;

  @ApiPropertyOptional({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  placeId?: string;

  @ApiPropertyOptional({ example: 'Depot North' })
  placeName?: string;
}

export class SummaryRowResponseDto implements SummaryRowDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  driverId!: string;

  @ApiProperty({ example: 'Aziz (truck 7)' })
  driverName!: string;

  @ApiProperty({ example: 182400 })
  distanceM!: number;

  @ApiProperty({ example: 21600 })
  drivingS!: number;

  @ApiProperty({ example: 7200 })
  stoppedS!: number;

  @ApiProperty({ example: 6 })
  trips!: number;

  @ApiProperty({ example: 7 })
  stops!: number;

  @ApiProperty({ example: 88.2 })
  maxSpeedKmh!: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-12-01T08:31:00.000Z' })
  firstPositionAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-12-01T08:31:00.000Z' })
  lastPositionAt!: string | null;
}
