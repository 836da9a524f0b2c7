import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@convoy/server/auth';
import { LINKS_ENTITIES, LINKS_MIGRATIONS } from '@convoy/server/links';
import { PLACES_ENTITIES, PLACES_MIGRATIONS } from '@convoy/server/places';
import { TRACKING_ENTITIES, TRACKING_MIGRATIONS } from '@convoy/server/tracking';

/**
 * The whole schema, composed from every lib that owns tables: the one list the app migrates with at
 * boot, the TypeORM CLI generates against (tools/typeorm) and the tests compare a database with.
 * A new lib with tables adds its lists here.
 */
export const CONVOY_ENTITIES = [...AUTH_ENTITIES, ...TRACKING_ENTITIES, ...LINKS_ENTITIES, ...PLACES_ENTITIES];

/** Every committed migration, oldest first (TypeORM orders by the timestamp in the class name too). */
export const CONVOY_MIGRATIONS = [...AUTH_MIGRATIONS, ...TRACKING_MIGRATIONS, ...LINKS_MIGRATIONS, ...PLACES_MIGRATIONS].sort(
  (a, b) => migrationTimestamp(a) - migrationTimestamp(b),
);

function migrationTimestamp(migration: { name: string }): number {
  return Number(/\d{13}$/.exec(migration.name)?.[0] ?? 0);
}
