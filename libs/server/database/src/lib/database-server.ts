import type { AppConfig } from '@convoy/server/config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** Where the app's Postgres is, and how to let go of it at shutdown. */
export interface DatabaseServer {
  url: string;
  /** true when Convoy started the server itself (no DATABASE_URL). */
  embedded: boolean;
  /** Called after the app has closed its connections. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else an embedded Postgres under DATA_DIR. Called before Nest boots. */
export async function openDatabaseServer(config: AppConfig): Promise<DatabaseServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  return startEmbeddedPostgres({ dataDir: config.dataDir });
}
