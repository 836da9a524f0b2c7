export * from './lib/demo.module';
