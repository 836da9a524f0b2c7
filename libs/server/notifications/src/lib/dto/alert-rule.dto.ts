import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ALERT_CHANNELS,
  CONVOY_EVENT_TYPES,
  PLACE_KINDS,
  ROLES,
  type AlertChannel,
  type AlertRuleDto,
  type ConvoyEventType,
  type CreateAlertRuleRequest,
  type PlaceKind,
  type QuietHours,
  type Role,
  type UpdateAlertRuleRequest,
} from '@convoy/contracts';
import { CLOCK_TIME } from '../rules/quiet-hours';

export class QuietHoursDto implements QuietHours {
  @ApiProperty({ example: '22:00', description: 'HH:MM, local time' })
  @Matches(CLOCK_TIME, { message: 'start must be a time HH:MM (00:00–23:59)' })
  start!: string;

  @ApiProperty({ example: '07:00', description: 'HH:MM; earlier than start = over midnight' })
  @Matches(CLOCK_TIME, { message: 'end must be a time HH:MM (00:00–23:59)' })
  end!: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone (a request may leave it out: TIME_ZONE)' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone!: string;
}

export class CreateAlertRuleDto implements CreateAlertRuleRequest {
  @ApiProperty({ example: 'Arrivals at depots', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ default: true, example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived', 'visit.departed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true })
  events!: ConvoyEventType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, description: 'Only events at these places (visits); null = any', example: ['5d6e7f8a-9b0c-4c1e-9b2a-3f1c2b9e7a4d'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  placeIds?: string[] | null;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind', isArray: true, nullable: true, example: ['depot'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PLACE_KINDS, { each: true })
  placeKinds?: PlaceKind[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, description: 'Only these drivers; null = every driver', example: ['7a4d4c1e-9b2a-4d6e-8f8a-9b0c3f1c2b9e'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  driverIds?: string[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [], description: 'Users who receive the alert', example: ['1e9b2a5d-6e7f-4a9b-8c3f-1c2b9e7a4d4c'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  recipientUserIds?: string[];

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true, default: [], description: 'Also every active user with one of these roles', example: ['admin', 'dispatcher'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  recipientRoles?: Role[];

  @ApiProperty({ enum: ALERT_CHANNELS, enumName: 'AlertChannel', isArray: true, example: ['dashboard', 'telegram'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ALERT_CHANNELS, { each: true })
  channels!: AlertChannel[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'Telegram and email stay silent then; the inbox still records', example: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

/** Every field optional; what is sent replaces what was there. */
export class UpdateAlertRuleDto implements UpdateAlertRuleRequest {
  @ApiPropertyOptional({ example: 'Arrivals at depots', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived', 'visit.departed'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true })
  events?: ConvoyEventType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, example: ['5d6e7f8a-9b0c-4c1e-9b2a-3f1c2b9e7a4d'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  placeIds?: string[] | null;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind', isArray: true, nullable: true, example: ['depot'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PLACE_KINDS, { each: true })
  placeKinds?: PlaceKind[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, example: ['7a4d4c1e-9b2a-4d6e-8f8a-9b0c3f1c2b9e'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  driverIds?: string[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: ['1e9b2a5d-6e7f-4a9b-8c3f-1c2b9e7a4d4c'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  recipientUserIds?: string[];

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true, example: ['admin', 'dispatcher'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  recipientRoles?: Role[];

  @ApiPropertyOptional({ enum: ALERT_CHANNELS, enumName: 'AlertChannel', isArray: true, example: ['dashboard', 'telegram'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ALERT_CHANNELS, { each: true })
  channels?: AlertChannel[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, example: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

export class AlertRuleResponseDto implements AlertRuleDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  id!: string;

  @ApiProperty({ example: 'Arrivals and departures at depots' })
  name!: string;

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived', 'visit.departed'] })
  events!: ConvoyEventType[];

  @ApiProperty({ type: [String], format: 'uuid', nullable: true, example: ['5d6e7f8a-9b0c-4c1e-9b2a-3f1c2b9e7a4d'] })
  placeIds!: string[] | null;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind', isArray: true, nullable: true, example: ['depot'] })
  placeKinds!: PlaceKind[] | null;

  @ApiProperty({ type: [String], format: 'uuid', nullable: true, example: ['7a4d4c1e-9b2a-4d6e-8f8a-9b0c3f1c2b9e'] })
  driverIds!: string[] | null;

  @ApiProperty({ type: [String], format: 'uuid', example: ['1e9b2a5d-6e7f-4a9b-8c3f-1c2b9e7a4d4c'] })
  recipientUserIds!: string[];

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, example: ['admin', 'dispatcher'] })
  recipientRoles!: Role[];

  @ApiProperty({ enum: ALERT_CHANNELS, enumName: 'AlertChannel', isArray: true, example: ['dashboard', 'telegram'] })
  channels!: AlertChannel[];

  @ApiProperty({ type: QuietHoursDto, nullable: true, example: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } })
  quietHours!: QuietHoursDto | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  updatedAt!: string;
}
