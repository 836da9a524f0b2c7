import { withClient } from '@convoy/testing';
import type { Client } from 'pg';

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

/** Metres northward as degrees of latitude. */
const M_LAT = 1 / 111_195;

/**
 * A driver's loop, a point every 5 s from `from` for `points` points, written straight into Postgres
 * (`osmand` source, accuracy 8 m): parked 10 minutes, then `drivingMinutes` north at 10 m/s, parked
 * until the loop of 20 + `drivingMinutes` minutes ends, the next loop 0.05° further north. Each loop
 * is one trip and one stop for the reports.
 */
export async function seedDriveParkLoops(client: Client, driverId: string, from: Date, drivingMinutes: number, points: number): Promise<void> {
  await client.query(
    `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, recorded_at, source)
     SELECT $1, 52.5 + least(greatest((g * 5) % $3 - 600, 0), $4 * 60) * 10 * $5::float8 + floor(g * 5 / $3) * 0.05, 13.4, 8,
            CASE WHEN (g * 5) % $3 BETWEEN 600 AND 600 + $4 * 60 THEN 10 ELSE 0 END,
            $2::timestamptz + g * interval '5 s', 'osmand'
       FROM generate_series(0, $6::int - 1) g`,
    [driverId, from, (20 + drivingMinutes) * 60, drivingMinutes, M_LAT, points],
  );
}
