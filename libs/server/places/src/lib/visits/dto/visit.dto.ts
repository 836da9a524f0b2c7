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
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  driverId!: string;

  @ApiProperty({ format: 'uuid' })
  placeId!: string;

  @ApiProperty({ format: 'date-time' })
  arrivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while the driver is still there' })
  departedAt!: string | null;

  @ApiProperty({ description: 'Until the departure, or until now for an open visit', example: 1440 })
  dwellSeconds!: number;
}
