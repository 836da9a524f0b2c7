import { withClient } from '@convoy/testing';

/** Reads what Postgres really holds, bypassing the API. */
export async function positionRows(databaseUrl: string, driverId?: string): Promise<Array<{ latitude: number; telegram_update_id: string | null }>> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query(
      `SELECT latitude, telegram_update_id FROM positions ${driverId ? 'WHERE driver_id = $1' : ''} ORDER BY recorded_at, id`,
      driverId ? [driverId] : [],
    );
    return result.rows;
  });
}
