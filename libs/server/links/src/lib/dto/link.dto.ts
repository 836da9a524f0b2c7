import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LINK_STATUSES,
  type CreateLinkRequest,
  type CreatedLinkResponse,
  type LinkDto,
  type LinkStatus,
  type SeedGeneratedLinkResponse,
} from '@convoy/contracts';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateLinkDto implements CreateLinkRequest {
  @ApiProperty({ example: 'Jan Novák (truck 7)', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  driverName!: string;

  @ApiPropertyOptional({ example: 'Night shift, Prague–Brno', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ example: 72, minimum: 1, maximum: 720, default: 72 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  expiresInHours?: number;
}

export class LinkResponseDto implements LinkDto {
  @ApiProperty({ format: 'uuid', example: '3c9f3a8e-5b1d-4c2e-9f7a-1b2c3d4e5f60' })
  id!: string;

  @ApiProperty({ example: 'Jan Novák (truck 7)' })
  driverName!: string;

  @ApiProperty({ example: 'Night shift, Prague–Brno', nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ enum: LINK_STATUSES, enumName: 'LinkStatus', example: 'pending' })
  status!: LinkStatus;

  @ApiProperty({ example: 'dispatch@example.com', nullable: true, type: String })
  createdBy!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-27T08:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  redeemedAt!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null })
  redeemedDriverId!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  revokedAt!: string | null;
}

export class CreatedLinkResponseDto extends LinkResponseDto implements CreatedLinkResponse {
  @ApiProperty({
    example: 'https://t.me/convoy_fleet_bot?start=Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA',
    description: 'Open in Telegram when TELEGRAM_BOT_USERNAME is set; otherwise the same as `joinUrl`',
  })
  url!: string;

  @ApiProperty({
    example: 'https://convoy.example.com/join/Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA',
    description: "Convoy's public join page (`PUBLIC_URL` or the request's origin): Telegram, this browser or a GPS app",
  })
  joinUrl!: string;

  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b', description: 'The id the driver will have once the link is redeemed' })
  driverId!: string;

  @ApiProperty({ example: 'Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA', description: 'Shown only in this response' })
  token!: string;

  @ApiProperty({ example: '<svg xmlns="http://www.w3.org/2000/svg" …</svg>', description: '`joinUrl` as a QR code' })
  qrSvg!: string;
}

export class SeedGeneratedLinkResponseDto extends CreatedLinkResponseDto implements SeedGeneratedLinkResponse {
  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b', description: 'Seed: = `driverId`' })
  driver_id!: string;

  @ApiProperty({ example: 'https://t.me/convoy_fleet_bot?start=Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA', description: 'Seed: = `url`' })
  tracking_link!: string;

  @ApiProperty({ example: 'Open this link on your phone and choose how to share your location: Telegram, this browser, or a GPS app.' })
  instructions!: string;
}
