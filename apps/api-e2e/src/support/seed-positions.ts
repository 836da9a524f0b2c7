import { withClient } from '@convoy/testing';

/**
 * Writes a driver and `count` positions one second apart ending at `end`, straight into Postgres
 * (the way a month of live tracking would have left them), in one statement. Returns the driver id.
 */
export async function seedDriverWithTrack(databaseUrl: string, name: string, count: number, end = new Date()): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO drivers (name) VALUES ($1) RETURNING id`, [name]);
    const driverId = rows[0].id;
    if (count > 0) {
      await client.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, heading, recorded_at, source)
         SELECT $1, 50 + g * 1e-6, 14 + g * 1e-6, 5, 13.9, 90, $2::timestamptz - make_interval(secs => $3 - g), 'telegram-live'
           FROM generate_series(1, $3::int) AS g`,
        [driverId, end, count],
      );
    }
    return driverId;
  });
}
