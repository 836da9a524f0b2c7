// The TypeORM CLI's view of the whole schema: every feature lib's entities and migrations.
// Used only by `npm run migration:generate`; the app builds its own DataSource in DatabaseModule.
import { CONVOY_ENTITIES, CONVOY_MIGRATIONS } from '@convoy/server/schema';
import { DataSource } from 'typeorm';

export default new DataSource({
  type: 'postgres',
  url: process.env['MIGRATION_DATABASE_URL'],
  entities: CONVOY_ENTITIES,
  migrations: CONVOY_MIGRATIONS,
  migrationsTableName: 'migrations',
});
