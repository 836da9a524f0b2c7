import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  JOIN_CHANNELS,
  type IngestUrls,
  type JoinChannel,
  type JoinLinkInfo,
  type JoinRequest,
  type JoinResponse,
  type TrackPointRequest,
  type TrackResponse,
} from '@convoy/contracts';
import { IsIn } from 'class-validator';

export class JoinLinkInfoDto implements JoinLinkInfo {
  @ApiProperty({ example: 'Jan Novák (truck 7)' })
  driverName!: string;

  @ApiProperty({ example: 'https://t.me/convoy_fleet_bot?start=Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA', nullable: true, type: String })
  telegramUrl!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-27T08:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ enum: ['pending', 'redeemed'], example: 'pending', description: '`redeemed`: only for the browser holding its device key' })
  state!: 'pending' | 'redeemed';
}

export class JoinRequestDto implements JoinRequest {
  @ApiProperty({ enum: JOIN_CHANNELS, example: 'browser' })
  @IsIn(JOIN_CHANNELS)
  channel!: JoinChannel;
}

export class IngestUrlsDto implements IngestUrls {
  @ApiProperty({ example: 'https://convoy.example.com/ingest/osmand' })
  osmandUrl!: string;

  @ApiProperty({ example: 'https://convoy.example.com/ingest/owntracks' })
  owntracksUrl!: string;

  @ApiProperty({ example: 'https://convoy.example.com/api/track' })
  trackUrl!: string;
}

export class JoinResponseDto implements JoinResponse {
  @ApiProperty({ format: 'uuid', example: '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b' })
  driverId!: string;

  @ApiProperty({ example: 'Jan Novák (truck 7)' })
  driverName!: string;

  @ApiProperty({ example: 'cvd_Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA', description: '≥ 256 random bits; shown once, stored hashed' })
  deviceKey!: string;

  @ApiProperty({ type: IngestUrlsDto })
  ingest!: IngestUrlsDto;
}

export class TrackPointDto implements TrackPointRequest {
  @ApiProperty({ example: 52.52, minimum: -90, maximum: 90 })
  lat!: number;

  @ApiProperty({ example: 13.405, minimum: -180, maximum: 180 })
  lon!: number;

  @ApiPropertyOptional({ example: 8, nullable: true, type: Number, description: 'Metres' })
  accuracy?: number | null;

  @ApiPropertyOptional({ example: 270, nullable: true, type: Number, description: 'Degrees 0–360, 0 = north; -1 = unknown' })
  heading?: number | null;

  @ApiPropertyOptional({ example: 13.9, nullable: true, type: Number, description: 'm/s; -1 = unknown' })
  speed?: number | null;

  @ApiPropertyOptional({ example: 34, nullable: true, type: Number, description: 'Metres above sea level' })
  altitude?: number | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' })
  recordedAt!: string;

  @ApiPropertyOptional({ example: 81, nullable: true, type: Number, description: '0–100 %' })
  battery?: number | null;
}

export class TrackResponseDto implements TrackResponse {
  @ApiProperty({ example: 1, description: 'Points stored (or stored before: a resend)' })
  accepted!: number;
}
