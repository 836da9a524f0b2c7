import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@convoy/server/auth';
import { DRIVER_ACTIVITY_ENTITIES, DRIVER_ACTIVITY_MIGRATIONS } from '@convoy/server/driver-activity';
import { EVENTS_ENTITIES, EVENTS_MIGRATIONS } from '@convoy/server/events';
import { MESSAGES_ENTITIES, MESSAGES_MIGRATIONS } from '@convoy/server/messages';
import { LINKS_ENTITIES, LINKS_MIGRATIONS } from '@convoy/server/links';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '@convoy/server/notifications';
import { SHARING_ENTITIES, SHARING_MIGRATIONS } from '@convoy/server/sharing';
import { PLACES_ENTITIES, PLACES_MIGRATIONS } from '@convoy/server/places';
import { REPORTS_ENTITIES, REPORTS_MIGRATIONS } from '@convoy/server/reports';
import { TRACKING_ENTITIES, TRACKING_MIGRATIONS } from '@convoy/server/tracking';
import { WEBHOOKS_ENTITIES, WEBHOOKS_MIGRATIONS } from '@convoy/server/webhooks';

/**
 * The whole schema, composed from every lib that owns tables: the one list the app migrates with at
 * boot, the TypeORM CLI generates against (tools/typeorm) and the tests compare a database with.
 * A new lib with tables adds its lists here.
 */
export const CONVOY_ENTITIES = [
  ...AUTH_ENTITIES,
  ...TRACKING_ENTITIES,
  ...LINKS_ENTITIES,
  ...SHARING_ENTITIES,
  ...PLACES_ENTITIES,
  ...EVENTS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  ...DRIVER_ACTIVITY_ENTITIES,
  ...MESSAGES_ENTITIES,
  ...REPORTS_ENTITIES,
];

/** Every committed migration, oldest first (TypeORM orders by the timestamp in the class name too). */
export const CONVOY_MIGRATIONS = [
  ...AUTH_MIGRATIONS,
  ...TRACKING_MIGRATIONS,
  ...LINKS_MIGRATIONS,
  ...SHARING_MIGRATIONS,
  ...PLACES_MIGRATIONS,
  ...EVENTS_MIGRATIONS,
  ...NOTIFICATIONS_MIGRATIONS,
  ...WEBHOOKS_MIGRATIONS,
  ...DRIVER_ACTIVITY_MIGRATIONS,
  ...MESSAGES_MIGRATIONS,
  ...REPORTS_MIGRATIONS,
].sort(
  (a, b) => timestampOf(a) - timestampOf(b),
);

/** The `<epoch ms>` a migration class name ends with (libs interleave: tracking 2 comes after links 2). */
function timestampOf(migration: { name: string }): number {
  return Number(/\d{13}$/.exec(migration.name)?.[0] ?? 0);
}
