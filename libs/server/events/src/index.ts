export * from './lib/events.module';
export * from './lib/events.schema';
export * from './lib/event-outbox';
export * from './lib/event-erasure';
export * from './lib/event-consumers';
export * from './lib/event-dispatcher';
export type { EventEntity } from './lib/entities/event.entity';
export * from './lib/admin-notices';
