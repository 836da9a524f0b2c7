export * from './lib/health.module';
export * from './lib/readiness-state';
