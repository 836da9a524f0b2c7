import { Module } from '@nestjs/common';
import { AuthModule } from '@convoy/server/auth';
import { NotificationsModule } from '@convoy/server/notifications';
import { PlacesModule } from '@convoy/server/places';
import { TrackingModule } from '@convoy/server/tracking';
import { LiveGateway } from './live.gateway';
import { LiveRedis } from './live-redis';
import { LiveRevocations } from './live-revocations';

/** The `/live` Socket.IO feed of positions and driver changes, and each user's own notifications. */
@Module({
  imports: [AuthModule, TrackingModule, PlacesModule, NotificationsModule],
  providers: [LiveGateway, LiveRedis, LiveRevocations],
  exports: [LiveGateway, LiveRedis],
})
export class LiveModule {}
