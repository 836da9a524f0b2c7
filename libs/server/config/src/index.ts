export * from './lib/app-config';
export * from './lib/config.module';
export * from './lib/load-config';
export * from './lib/trust-proxy';
export * from './lib/retry-schedule';
export * from './lib/date-time-format';
