import { Module } from '@nestjs/common';
import { TrackingModule } from '@convoy/server/tracking';
import { DemoFleetService } from './demo-fleet.service';

/** The simulated fleet (DEMO_FLEET). */
@Module({ imports: [TrackingModule], providers: [DemoFleetService] })
export class DemoModule {}
