import { Module } from '@nestjs/common';
import { PlacesModule } from '@convoy/server/places';
import { PreparedSummaries } from './prepared/prepared-summaries';
import { SummaryPreparationJob } from './prepared/summary-preparation.job';
import { ReportPositionsRepository } from './report-positions.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Trips, stops and summary reports computed from the stored history; fleet summaries of closed days kept prepared. */
@Module({
  imports: [PlacesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportPositionsRepository, PreparedSummaries, SummaryPreparationJob],
  exports: [PreparedSummaries],
})
export class ReportsModule {}
