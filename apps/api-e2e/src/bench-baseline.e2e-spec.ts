import { CONVOY_MIGRATIONS } from '@convoy/server/schema';
import { createTestDatabase, testPostgresServerUrl, withClient, type TestDatabase } from '@convoy/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// the bench's baseline writes Convoy's own schema: when that schema moves, the baseline must follow
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MinimalWriter, type MinimalRow } from '../../../tools/bench/minimal-writer';

/** `npm run bench` compares Convoy with a minimal pipeline on the same schema: the baseline must still store. */
describe("the bench's minimal pipeline on the migrated schema", () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase(testPostgresServerUrl(), 'bench_baseline');
    const schema = new DataSource({ type: 'postgres', url: database.url, migrations: CONVOY_MIGRATIONS, migrationsTableName: 'migrations' });
    await schema.initialize();
    try {
      await schema.runMigrations({ transaction: 'each' });
    } finally {
      await schema.destroy();
    }
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('group-commits positions into the partitioned table, a redelivered update stored once, the latest position moved', async () => {
    const [{ id }] = await withClient(database.url, async (c) => (await c.query<{ id: string }>(`INSERT INTO drivers (name) VALUES ('Baseline') RETURNING id`)).rows);
    const committed: number[][] = [];
    const writer = new MinimalWriter(client, (rows) => committed.push(rows.map((r) => r.telegramUpdateId)));
    const at = Date.now() - 60_000;
    const row = (updateId: number, seconds: number): MinimalRow => ({
      driverId: id,
      latitude: 48.1 + seconds / 10_000,
      longitude: 11.5,
      accuracy: 8,
      heading: null,
      recordedAt: new Date(at + seconds * 1000),
      source: 'telegram-live',
      telegramUpdateId: updateId,
    });

    await Promise.all([writer.write(row(1, 0)), writer.write(row(2, 5))]);
    await writer.write(row(2, 5)); // Telegram delivers the same update again

    const stored = await withClient(database.url, async (c) => (await c.query(`SELECT telegram_update_id::int AS u FROM positions ORDER BY recorded_at`)).rows);
    expect(stored).toEqual([{ u: 1 }, { u: 2 }]);
    expect(committed.flat()).toEqual([1, 2]);
    const [driver] = await withClient(database.url, async (c) => (await c.query(`SELECT last_latitude FROM drivers WHERE id = $1`, [id])).rows);
    expect(driver.last_latitude).toBeCloseTo(48.1005, 6);
  });
});
