import { Module } from '@nestjs/common';
import { PlacesModule } from '@convoy/server/places';
import { ReportPositionsRepository } from './report-positions.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Trips, stops and summary reports computed from the stored history. */
@Module({
  imports: [PlacesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportPositionsRepository],
})
export class ReportsModule {}
