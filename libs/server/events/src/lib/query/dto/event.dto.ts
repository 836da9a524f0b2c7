import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CONVOY_EVENT_TYPES, type ConvoyEvent, type ConvoyEventType } from '@convoy/contracts';

/** Events answered per request at most. */
export const MAX_EVENTS_PER_PAGE = 500;

export class EventListQueryDto {
  @ApiPropertyOptional({ enum: CONVOY_EVENT_TYPES, description: 'Only events of this type' })
  @IsOptional()
  @IsIn(CONVOY_EVENT_TYPES)
  type?: ConvoyEventType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events about this driver' })
  @IsOptional()
  @IsUUID()
  driverId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Happened at or after this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Happened before this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EVENTS_PER_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PER_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Polling: the id of the last event you have. Answers the events stored after it, oldest first (without it: newest first). ' +
      'Events younger than 2 s are held back so one committed late cannot be skipped.',
  })
  @IsOptional()
  @IsUUID()
  after?: string;
}

export class EventResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b7f4c1e-3d2a-4f5b-9c8d-1e2f3a4b5c6d', description: 'Also the webhook-id of its deliveries and the dedupe key of its alerts' })
  id!: string;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, example: 'driver.sharing_ended' })
  type!: ConvoyEventType;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:30:00.000Z', description: 'When it happened' })
  occurredAt!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '6f1c2d0e-8c47-4e0b-9a51-2b8e3f7d9a10' })
  driverId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The facts of the event, by type (libs/contracts events.ts `ConvoyEventData`); always `driver: {id, name}` for driver events',
    example: { driver: { id: '6f1c2d0e-8c47-4e0b-9a51-2b8e3f7d9a10', name: 'Jan Novák' }, channel: 'telegram', reason: 'stopped' },
  })
  data!: ConvoyEvent['data'];
}
