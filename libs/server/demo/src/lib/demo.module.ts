import { Module } from '@nestjs/common';
import { SharingModule } from '@convoy/server/sharing';
import { TrackingModule } from '@convoy/server/tracking';
import { DemoFleetService } from './demo-fleet.service';

/** The simulated fleet (DEMO_FLEET). */
@Module({ imports: [TrackingModule, SharingModule], providers: [DemoFleetService] })
export class DemoModule {}
