export * from './lib/schema';
