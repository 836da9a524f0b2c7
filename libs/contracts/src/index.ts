export * from './lib/roles';
export * from './lib/auth';
export * from './lib/users';
export * from './lib/api-tokens';
export * from './lib/health';
export * from './lib/app-config';
export * from './lib/errors';
export * from './lib/version';
