import { loadConfig } from '@convoy/server/config';
import { openDatabaseServer } from './database-server';

describe('openDatabaseServer', () => {
  it('uses DATABASE_URL as given and starts nothing', async () => {
    const server = await openDatabaseServer(loadConfig({ DATABASE_URL: 'postgres://convoy@db.internal:5432/convoy' }));
    expect(server).toMatchObject({ url: 'postgres://convoy@db.internal:5432/convoy', embedded: false });
    await expect(server.stop()).resolves.toBeUndefined();
  });
});
