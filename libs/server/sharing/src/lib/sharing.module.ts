import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LinksModule } from '@convoy/server/links';
import { TrackingModule } from '@convoy/server/tracking';
import { DevicesService } from './devices/devices.service';
import { EnrolmentService } from './enrolment/enrolment.service';
import { SeedDriversController } from './seed/seed-drivers.controller';
import { SharingService } from './sharing.service';
import { SHARING_ENTITIES } from './sharing.schema';
import { TelegramBindings } from './telegram-bindings';

/**
 * How a driver joins and shares: the enrolment of a link (one transaction for every channel), the
 * sharing sessions (Telegram live locations, the browser page) and the device keys of the browser
 * and GPS-app channels.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SHARING_ENTITIES), TrackingModule, LinksModule],
  controllers: [SeedDriversController],
  providers: [
    SharingService,
    EnrolmentService,
    DevicesService,
    // one per instance; a factory because its constructor takes tuning values, not dependencies
    { provide: TelegramBindings, useFactory: () => new TelegramBindings() },
  ],
  exports: [SharingService, EnrolmentService, DevicesService],
})
export class SharingModule {}
