export * from './lib/convoy-metrics';
export * from './lib/http-metrics';
export * from './lib/metrics.module';
