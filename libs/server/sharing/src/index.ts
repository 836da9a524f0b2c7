export * from './lib/sharing.module';
export * from './lib/sharing.schema';
export * from './lib/sharing.service';
export * from './lib/telegram-bindings';
export * from './lib/enrolment/enrolment.service';
export * from './lib/devices/devices.service';
export * from './lib/devices/device-key';
// why a link cannot be redeemed: channels phrase it (bot reply, join page status)
export { LinkRedemptionError, LinkRedemptionFailure } from '@convoy/server/links';
export * from './lib/devices/device-ingest.service';
export * from './lib/telegram/telegram-sessions.service';
export * from './lib/events/sharing-events';
