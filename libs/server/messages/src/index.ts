export * from './lib/messages.module';
export * from './lib/messages.schema';
export * from './lib/messages.service';
export * from './lib/messages.errors';
export * from './lib/message-mapper';
export * from './lib/delivery/message-transports';
export * from './lib/delivery/retry-policy';
export type { MessageEntity } from './lib/entities/message.entity';
