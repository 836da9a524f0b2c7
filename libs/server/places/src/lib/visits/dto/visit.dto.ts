import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { VISIT_EXPORT_FORMATS, type VisitDto, type VisitExportFormat } from '@convoy/contracts';

export class VisitQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this driver's visits" })
  @IsOptional()
  @IsUUID()
  driverId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only visits of this place' })
  @IsOptional()
  @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'ISO 8601; default 24 h before `to`. Visits overlapping the range are listed.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-02T00:00:00Z', description: 'ISO 8601; default now. At most 93 days after `from`.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: VISIT_EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(VISIT_EXPORT_FORMATS)
  format?: VisitExportFormat;
}

export class VisitResponseDto implements VisitDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2a4e-8d0b-4b7e-9a51-3c2d1e0f9a87' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: 'b3e1d9a2-5c4f-4e8a-8f7d-2a1b0c9d8e7f' })
  driverId!: string;

  @ApiProperty({ format: 'uuid', example: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d' })
  placeId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  arrivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T08:55:00.000Z', description: 'null while the driver is still there' })
  departedAt!: string | null;

  @ApiProperty({ description: 'Until the departure, or until now for an open visit', example: 1440 })
  dwellSeconds!: number;

  @ApiProperty({ example: 'Aziz', description: "The driver's current name" })
  driverName!: string;

  @ApiProperty({ example: 'Customer Müller' })
  placeName!: string;
}
