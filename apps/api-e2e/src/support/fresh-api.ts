import { createTestDatabase, startApi, testPostgresServerUrl, type ApiProcess, type TestDatabase } from '@convoy/testing';

export interface FreshApi {
  api: ApiProcess;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The built API on its own new database: what each test file runs against. */
export async function startFreshApi(label: string, env: Record<string, string | undefined> = {}): Promise<FreshApi> {
  const database = await createTestDatabase(testPostgresServerUrl(), label);
  const api = await startApi({ databaseUrl: database.url, env });
  return {
    api,
    database,
    close: async () => {
      await api.stop();
      await database.drop();
    },
  };
}
