import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DriversController } from './controllers/drivers.controller';
import { SeedDriversController } from './controllers/seed-drivers.controller';
import { DriversService } from './drivers.service';
import { ExportLimiter } from './export/export-limiter';
import { PositionExportService } from './export/position-export.service';
import { PositionWriter } from './ingest/position-writer';
import { PositionHistoryService } from './position-history.service';
import { RetentionJob } from './retention.job';
import { SharingService } from './sharing.service';
import { TelegramBindings } from './telegram-bindings';
import { TRACKING_ENTITIES } from './tracking.schema';
import { TrackingService } from './tracking.service';

/** Drivers, the position hot path (ingest → group commit), history and exports, retention. */
@Module({
  imports: [TypeOrmModule.forFeature(TRACKING_ENTITIES)],
  controllers: [DriversController, SeedDriversController],
  providers: [
    PositionWriter,
    TrackingService,
    DriversService,
    SharingService,
    PositionHistoryService,
    PositionExportService,
    ExportLimiter,
    RetentionJob,
    // one per instance; a factory because its constructor takes tuning values, not dependencies
    { provide: TelegramBindings, useFactory: () => new TelegramBindings() },
  ],
  exports: [TrackingService, DriversService, SharingService, PositionWriter],
})
export class TrackingModule {}
