import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DriversController } from './controllers/drivers.controller';
import { DriversService } from './drivers.service';
import { ExportLimiter } from './export/export-limiter';
import { PositionExportService } from './export/position-export.service';
import { PositionCommitParticipants } from './ingest/position-commit-participants';
import { PositionWriter } from './ingest/position-writer';
import { PartitionMaintenanceJob } from './partitions/partition-maintenance.job';
import { PositionHistoryService } from './history/position-history.service';
import { RetentionJob } from './retention.job';
import { TRACKING_ENTITIES } from './tracking.schema';
import { TrackingService } from './tracking.service';

/** Drivers, the position hot path (ingest → group commit), history and exports, daily partitions and retention. */
@Module({
  imports: [TypeOrmModule.forFeature(TRACKING_ENTITIES)],
  controllers: [DriversController],
  providers: [
    PositionCommitParticipants,
    PositionWriter,
    TrackingService,
    DriversService,
    PositionHistoryService,
    PositionExportService,
    ExportLimiter,
    PartitionMaintenanceJob,
    RetentionJob,
  ],
  exports: [TypeOrmModule, TrackingService, DriversService, PositionWriter, PositionCommitParticipants],
})
export class TrackingModule {}
