import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CONVOY_VERSION, liveWithinMs, type PublicConfigDto } from '@convoy/contracts';
import { Public } from '@convoy/server/auth';
import { AppConfig } from '@convoy/server/config';
import { PublicConfigResponseDto } from './public-config.dto';

@ApiTags('config')
@Controller('api/config')
export class PublicConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What the dashboard needs before sign-in: map tiles, bot status, version' })
  @ApiOkResponse({ type: PublicConfigResponseDto })
  get(): PublicConfigDto {
    return {
      version: CONVOY_VERSION,
      tileUrl: this.config.tiles.url,
      tileAttribution: this.config.tiles.attribution,
      botEnabled: !!this.config.telegram.botToken,
      botUsername: this.config.telegram.botUsername,
      liveWithinSeconds: liveWithinMs(this.config.tracking.autoTrackIntervalSeconds) / 1000,
    };
  }
}
