export * from './lib/driver-activity.module';
export * from './lib/driver-activity.schema';
export { DriverActivityParticipant } from './lib/driver-activity.participant';
