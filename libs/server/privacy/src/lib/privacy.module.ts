import { Module } from '@nestjs/common';
import { LinksModule } from '@convoy/server/links';
import { PlacesModule } from '@convoy/server/places';
import { MessagesModule } from '@convoy/server/messages';
import { ReportsModule } from '@convoy/server/reports';
import { SharingModule } from '@convoy/server/sharing';
import { TrackingModule } from '@convoy/server/tracking';
import { DriverErasureController } from './driver-erasure.controller';
import { DriverErasureService } from './driver-erasure.service';
import { PersonalDataRetentionJob } from './personal-data-retention.job';

/** Driver data rights: erasure (by the driver or a dispatcher) and retention of personal data. */
@Module({
  imports: [TrackingModule, LinksModule, SharingModule, PlacesModule, MessagesModule, ReportsModule],
  controllers: [DriverErasureController],
  providers: [DriverErasureService, PersonalDataRetentionJob],
  exports: [DriverErasureService],
})
export class PrivacyModule {}
