import { ApiProperty } from '@nestjs/swagger';
import type { PublicConfigDto } from '@convoy/contracts';

export class PublicConfigResponseDto implements PublicConfigDto {
  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' })
  tileUrl!: string;

  @ApiProperty({ example: '&copy; OpenStreetMap contributors' })
  tileAttribution!: string;

  @ApiProperty({ example: true, description: 'false when no TELEGRAM_BOT_TOKEN is set: links cannot be redeemed' })
  botEnabled!: boolean;

  @ApiProperty({ example: 'convoy_fleet_bot', nullable: true, type: String })
  botUsername!: string | null;

  @ApiProperty({ example: 60, description: 'A driver whose latest position is younger than this counts as live (2 × AUTO_TRACK_INTERVAL, at least 60)' })
  liveWithinSeconds!: number;
}
