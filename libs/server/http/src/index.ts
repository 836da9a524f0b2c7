export * from './lib/configure-http-app';
export * from './lib/http.module';
export * from './lib/openapi';
export * from './lib/startup-banner';
export * from './lib/logging.module';
export * from './lib/convoy-logger';
export * from './lib/content-security-policy';
export * from './lib/lean-async-resource-bind';
