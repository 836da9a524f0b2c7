export * from './lib/driver-activity.module';
export * from './lib/driver-activity.schema';
