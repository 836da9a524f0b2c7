import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  CONVOY_EVENT_TYPES,
  type MyTelegramDto,
  type NotificationDto,
  type NotificationListDto,
  type NotificationsReadDto,
  type NotificationType,
  type TelegramLinkDto,
} from '@convoy/contracts';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only unread entries', example: 3 })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries created before this (the previous page\'s last createdAt)', example: '2026-12-01T08:31:00.000Z' })
  @IsOptional()
  @IsDateString()
  before?: string;
}

export class NotificationResponseDto implements NotificationDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '9b2a5d6e-7f8a-4b0c-8c1e-3f1c2b9e7a4d' })
  eventId!: string;

  @ApiProperty({ enum: [...CONVOY_EVENT_TYPES, 'admin.notice'], enumName: 'NotificationType', example: 'visit.arrived' })
  type!: NotificationType;

  @ApiProperty({ example: 'Aziz arrived at Depot North' })
  title!: string;

  @ApiProperty({ example: '08:31 · stayed 24 min' })
  body!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T08:35:00.000Z' })
  readAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '7a4d4c1e-9b2a-4d6e-8f8a-9b0c3f1c2b9e' })
  driverId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '5d6e7f8a-9b0c-4c1e-9b2a-3f1c2b9e7a4d' })
  placeId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '/webhooks/3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  link!: string | null;
}

export class NotificationListResponseDto implements NotificationListDto {
  @ApiProperty({ type: [NotificationResponseDto] })
  notifications!: NotificationResponseDto[];

  @ApiProperty({ example: 3, description: 'All unread entries of this user' })
  unread!: number;
}

export class NotificationsReadResponseDto implements NotificationsReadDto {
  @ApiProperty({ example: 3 })
  marked!: number;

  @ApiProperty({ example: 0 })
  unread!: number;
}

export class TelegramLinkResponseDto implements TelegramLinkDto {
  @ApiProperty({ example: 'https://t.me/convoy_bot?start=u_Qm9ndXNDb2RlRm9yRXhhbXBsZU9ubHlOb3RSZWFsMTIzNA' })
  url!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:41:00.000Z' })
  expiresAt!: string;
}

export class MyTelegramResponseDto implements MyTelegramDto {
  @ApiProperty({ example: true })
  linked!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'anna_dispatch' })
  username!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Anna' })
  firstName!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T09:31:00.000Z' })
  mutedUntil!: string | null;

  @ApiProperty({ description: 'False when the server has no TELEGRAM_BOT_TOKEN / TELEGRAM_BOT_USERNAME', example: true })
  available!: boolean;
}
