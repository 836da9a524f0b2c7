/**
 * What the driver-activity participant (driver.back / driver.speeding) adds to each position batch:
 * its one statement, timed alone on a fresh database with 1,000 sharing drivers, per batch size.
 * Prints one JSON line per case. `npm run bench:driver-activity` (needs DATABASE_URL, a built api).
 */
import { createTestDatabase, startApi, testPostgresServerUrl } from '@convoy/testing';
import { Client } from 'pg';
import { DriverActivityParticipant } from '@convoy/server/driver-activity';
import type { PositionRow } from '@convoy/server/tracking';

async function main() {
  const db = await createTestDatabase(testPostgresServerUrl(), 'de_bench');
  const api = await startApi({ databaseUrl: db.url });
  await api.stop();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const ids = (await client.query<{ id: string }>(
    `INSERT INTO drivers (name, sharing_since) SELECT 'D' || g, now() FROM generate_series(1, 1000) g RETURNING id`,
  )).rows.map((r) => r.id);
  // a third went quiet (the committed batch below brings them back)
  await client.query(`INSERT INTO driver_activity (driver_id, quiet_since, quiet_last_seen_at) SELECT unnest($1::uuid[]), now(), now()`, [ids.slice(0, 333)]);
  const participant = new DriverActivityParticipant(120);
  const rows = (n: number, t: number, speed: number): PositionRow[] =>
    ids.slice(0, n).map((driverId) => ({
      driverId, latitude: 52.5, longitude: 13.4, accuracy: null, heading: null, speed, battery: null, altitude: null,
      recordedAt: new Date(t), source: 'browser', telegramUpdateId: null, telegramUserId: null, persist: true, receivedAt: 0,
    }));
  // steady state after one committed batch: nobody quiet, no spell open (most drivers have no row at all)
  await participant.withinCommit(rows(1000, Date.now(), 15), client as never);
  const cases = [['typical (54 km/h)', 15], ['all speeding (126 km/h)', 35]] as const;
  for (const [label, speed] of cases) for (const size of [1, 100, 1000]) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await client.query('BEGIN');
      const start = process.hrtime.bigint();
      await participant.withinCommit(rows(size, Date.now() + i * 1000, speed), client as never);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      await client.query('ROLLBACK');
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ case: label, batchRows: size, medianMs: +times[15].toFixed(2), p90Ms: +times[27].toFixed(2) }));
  }
  await client.end();
  await db.drop();
}
void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
