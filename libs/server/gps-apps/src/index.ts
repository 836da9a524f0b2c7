export * from './lib/gps-apps.module';
export * from './lib/osmand/osmand.decoder';
export * from './lib/owntracks/owntracks.decoder';
export * from './lib/gps-apps.openapi';
