export * from './lib/reports.module';
export * from './lib/reports.service';
export * from './lib/reports.errors';
export * from './lib/report-range';
export * from './lib/trips/trip-detector';
export * from './lib/trips/position-track';
export * from './lib/trips/trip-rules';
export * from './lib/reports.schema';
export { PreparedSummaries } from './lib/prepared/prepared-summaries';
