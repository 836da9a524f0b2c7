import { Client } from 'pg';

/** Reads what Postgres really holds, bypassing the API. */
export async function positionRows(databaseUrl: string, driverId?: string): Promise<Array<{ latitude: number; telegram_update_id: string | null }>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT latitude, telegram_update_id FROM positions ${driverId ? 'WHERE driver_id = $1' : ''} ORDER BY recorded_at, id`,
      driverId ? [driverId] : [],
    );
    return result.rows;
  } finally {
    await client.end();
  }
}
