export * from './lib/database.module';
export * from './lib/database-server';
export * from './lib/embedded-postgres';
export * from './lib/run-migrations';
export * from './lib/advisory-lock';
export * from './lib/advisory-lock-keys';
export * from './lib/pool-client';
export * from './lib/purge-in-chunks';
