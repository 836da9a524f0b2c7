export * from './lib/live.module';
export * from './lib/live.gateway';
export * from './lib/live-adapter';
export * from './lib/live-redis';
