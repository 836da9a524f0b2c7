export * from './lib/api-client';
export * from './lib/api-process';
export * from './lib/free-port';
export * from './lib/live-client';
export * from './lib/test-database';
export * from './lib/test-postgres';
export * from './lib/telegram';
export * from './lib/load-balancer';
