import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminNotices } from './admin-notices';
import { EventConsumers } from './event-consumers';
import { EventDispatcher } from './event-dispatcher';
import { DriverEventErasure } from './event-erasure';
import { EventRetentionJob } from './event-retention.job';
import { EVENTS_ENTITIES } from './events.schema';
import { EventQueryService } from './query/event-query.service';
import { EventsController } from './query/events.controller';

/**
 * The event stream (issue #10): the `events` outbox table producers append to in their own
 * transactions (`appendEvents`), and the dispatcher that hands each event once to every registered
 * consumer. Global: producers in any lib inject `EventDispatcher` to nudge it after their commit.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(EVENTS_ENTITIES)],
  controllers: [EventsController],
  providers: [EventConsumers, EventDispatcher, AdminNotices, EventRetentionJob, EventQueryService, DriverEventErasure],
  exports: [EventConsumers, EventDispatcher, AdminNotices, DriverEventErasure],
})
export class EventsModule {}
