export * from './lib/links.module';
export * from './lib/links.schema';
export * from './lib/links.service';
export * from './lib/links.errors';
export * from './lib/link-token';
export type { LinkEntity } from './lib/entities/link.entity';
export { requestOrigin } from './lib/request-origin';
