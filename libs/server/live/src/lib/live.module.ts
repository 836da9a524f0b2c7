import { Module } from '@nestjs/common';
import { AuthModule } from '@convoy/server/auth';
import { MessagesModule } from '@convoy/server/messages';
import { TrackingModule } from '@convoy/server/tracking';
import { LiveGateway } from './live.gateway';
import { LiveRedis } from './live-redis';
import { LiveRevocations } from './live-revocations';

/** The `/live` Socket.IO feed of positions and driver changes. */
@Module({
  imports: [AuthModule, TrackingModule, MessagesModule],
  providers: [LiveGateway, LiveRedis, LiveRevocations],
  exports: [LiveGateway, LiveRedis],
})
export class LiveModule {}
