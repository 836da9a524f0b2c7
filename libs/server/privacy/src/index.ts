export * from './lib/privacy.module';
export * from './lib/driver-erasure.service';
export * from './lib/privacy.errors';
