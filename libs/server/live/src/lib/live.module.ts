import { Module } from '@nestjs/common';
import { AuthModule } from '@convoy/server/auth';
import { TrackingModule } from '@convoy/server/tracking';
import { LiveGateway } from './live.gateway';
import { LiveRedis } from './live-redis';

/** The `/live` Socket.IO feed of positions and driver changes. */
@Module({
  imports: [AuthModule, TrackingModule],
  providers: [LiveGateway, LiveRedis],
  exports: [LiveGateway, LiveRedis],
})
export class LiveModule {}
