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

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived', 'visit.departed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true })
  events!: ConvoyEventType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, description: 'Only events at these places (visits); null = any' })
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

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, description: 'Only these drivers; null = every driver' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  driverIds?: string[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [], description: 'Users who receive the alert' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  recipientUserIds?: string[];

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true, default: [], description: 'Also every active user with one of these roles' })
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

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'Telegram and email stay silent then; the inbox still records' })
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true })
  events?: ConvoyEventType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  placeIds?: string[] | null;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind', isArray: true, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PLACE_KINDS, { each: true })
  placeKinds?: PlaceKind[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  driverIds?: string[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  recipientUserIds?: string[];

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  recipientRoles?: Role[];

  @ApiPropertyOptional({ enum: ALERT_CHANNELS, enumName: 'AlertChannel', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ALERT_CHANNELS, { each: true })
  channels?: AlertChannel[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

export class AlertRuleResponseDto implements AlertRuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Arrivals and departures at depots' })
  name!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true })
  events!: ConvoyEventType[];

  @ApiProperty({ type: [String], format: 'uuid', nullable: true })
  placeIds!: string[] | null;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind', isArray: true, nullable: true })
  placeKinds!: PlaceKind[] | null;

  @ApiProperty({ type: [String], format: 'uuid', nullable: true })
  driverIds!: string[] | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  recipientUserIds!: string[];

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  recipientRoles!: Role[];

  @ApiProperty({ enum: ALERT_CHANNELS, enumName: 'AlertChannel', isArray: true })
  channels!: AlertChannel[];

  @ApiProperty({ type: QuietHoursDto, nullable: true })
  quietHours!: QuietHoursDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
