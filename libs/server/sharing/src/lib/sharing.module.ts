import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LinksModule } from '@convoy/server/links';
import { TrackingModule } from '@convoy/server/tracking';
import { TrackController } from './browser/track.controller';
import { DeviceIngestService } from './devices/device-ingest.service';
import { DevicesController } from './devices/devices.controller';
import { DevicesService } from './devices/devices.service';
import { EnrolmentService } from './enrolment/enrolment.service';
import { JoinLinks } from './join/join-links.service';
import { JoinController } from './join/join.controller';
import { SeedDriversController } from './seed/seed-drivers.controller';
import { SharingService } from './sharing.service';
import { SHARING_ENTITIES } from './sharing.schema';
import { TelegramBindings } from './telegram-bindings';
import { TelegramSessions } from './telegram/telegram-sessions.service';

/**
 * How a driver joins and shares: the enrolment of a link (one transaction for every channel), the
 * sharing sessions (Telegram live locations, the browser page) and the device keys of the browser
 * and GPS-app channels.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SHARING_ENTITIES), TrackingModule, LinksModule],
  controllers: [SeedDriversController, JoinController, TrackController, DevicesController],
  providers: [
    SharingService,
    EnrolmentService,
    DevicesService,
    DeviceIngestService,
    JoinLinks,
    TelegramSessions,
    // one per instance; a factory because its constructor takes tuning values, not dependencies
    { provide: TelegramBindings, useFactory: () => new TelegramBindings() },
  ],
  exports: [SharingService, EnrolmentService, DevicesService, DeviceIngestService, TelegramSessions],
})
export class SharingModule {}
