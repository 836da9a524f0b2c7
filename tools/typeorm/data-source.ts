// The TypeORM CLI's view of the whole schema: every feature lib's entities and migrations.
// Used only by `npm run migration:generate`; the app builds its own DataSource in DatabaseModule.
import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@convoy/server/auth';
import { LINKS_ENTITIES, LINKS_MIGRATIONS } from '@convoy/server/links';
import { SHARING_ENTITIES, SHARING_MIGRATIONS } from '@convoy/server/sharing';
import { TRACKING_ENTITIES, TRACKING_MIGRATIONS } from '@convoy/server/tracking';
import { DataSource } from 'typeorm';

export default new DataSource({
  type: 'postgres',
  url: process.env['MIGRATION_DATABASE_URL'],
  entities: [...AUTH_ENTITIES, ...TRACKING_ENTITIES, ...LINKS_ENTITIES, ...SHARING_ENTITIES],
  migrations: [...AUTH_MIGRATIONS, ...TRACKING_MIGRATIONS, ...LINKS_MIGRATIONS, ...SHARING_MIGRATIONS],
  migrationsTableName: 'migrations',
});
