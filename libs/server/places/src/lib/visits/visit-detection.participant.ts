import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { NewConvoyEvent, PlaceKind, VisitChange } from '@convoy/contracts';
import {
  PositionCommitParticipants,
  type PositionCommitContribution,
  type PositionCommitParticipant,
  type PositionRow,
} from '@convoy/server/tracking';
import type { PoolClient } from 'pg';
import { LivePlaceIndex } from './live-place-index';
import { planDriverVisits, toPlaceState, type BatchPoint, type ClosedVisit, type OpenedVisit, type PersistedOpenVisit } from './visit-batch';
import { VisitsLive } from './visits-live';

/**
 * Visit detection in the group commit (docs/architecture.md "Places and visits"). Per batch, inside
 * the positions' transaction and on its connection, at most two statements:
 * 1. `LOCK_STATES_SQL` upserts the batch's drivers' `driver_place_states` rows in driver-id order and
 *    returns them: ON CONFLICT DO UPDATE takes each row lock (waiting for another replica's batch of
 *    the same driver to commit, then reading its committed state), so batches of one driver decide
 *    one after the other whatever replica they run on, and in the same order everywhere (no deadlock);
 * 2. `WRITE_SQL` stores the new states, inserts the arrivals, closes the departures and returns
 *    what changed with the driver and place names (the events' data).
 * No places in the index → nothing at all (no open visit can exist: a deleted place's visits are
 * deleted with it).
 */
@Injectable()
export class VisitDetection implements PositionCommitParticipant, OnModuleInit {
  readonly name = 'visits';

  constructor(
    private readonly participants: PositionCommitParticipants,
    private readonly places: LivePlaceIndex,
    private readonly live: VisitsLive,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async withinCommit(rows: readonly PositionRow[], tx: PoolClient): Promise<PositionCommitContribution | void> {
    const index = this.places.current;
    if (index.size === 0) return;
    const byDriver = new Map<string, BatchPoint[]>();
    for (const row of rows) {
      const point: BatchPoint = { lat: row.latitude, lon: row.longitude, accuracy: row.accuracy, recordedAt: row.recordedAt.getTime() };
      const points = byDriver.get(row.driverId);
      if (points) points.push(point);
      else byDriver.set(row.driverId, [point]);
    }
    const driverIds = [...byDriver.keys()].sort();
    const locked = await tx.query<StateRow>({ name: LOCK_STATES_STATEMENT, text: LOCK_STATES_SQL, values: [driverIds] });

    const states: { ids: string[]; at: (string | null)[]; open: string[] } = { ids: [], at: [], open: [] };
    const opened: Array<OpenedVisit & { driverId: string }> = [];
    const closed: Array<ClosedVisit & { driverId: string }> = [];
    for (const row of locked.rows) {
      const previous = toPlaceState(row.last_evaluated_at, row.open);
      const plan = planDriverVisits(previous, byDriver.get(row.driver_id) ?? [], index, randomUUID);
      if (plan.state.lastEvaluatedAt === previous.lastEvaluatedAt && plan.opened.length === 0 && plan.closed.length === 0) continue;
      states.ids.push(row.driver_id);
      states.at.push(plan.state.lastEvaluatedAt === null ? null : new Date(plan.state.lastEvaluatedAt).toISOString());
      states.open.push(JSON.stringify(plan.state.open));
      for (const visit of plan.opened) opened.push({ ...visit, driverId: row.driver_id });
      for (const visit of plan.closed) closed.push({ ...visit, driverId: row.driver_id });
    }
    if (states.ids.length === 0) return;

    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const changed = await tx.query<ChangedRow>({
      name: WRITE_STATEMENT,
      text: WRITE_SQL,
      values: [
        states.ids,
        states.at,
        states.open,
        opened.map((v) => v.visitId),
        opened.map((v) => v.driverId),
        opened.map((v) => v.placeId),
        opened.map((v) => iso(v.arrivedAt)),
        opened.map((v) => iso(v.departedAt)),
        closed.map((v) => v.visitId),
        closed.map((v) => iso(v.departedAt)),
      ],
    });
    if (changed.rows.length === 0) return;

    const positions = new Map(opened.map((v) => [v.visitId, v.position]));
    const events: NewConvoyEvent[] = [];
    const changes: VisitChange[] = [];
    for (const row of changed.rows) {
      const driver = { id: row.driver_id, name: row.driver_name };
      const place = { id: row.place_id, name: row.place_name, kind: row.place_kind };
      const visit = toVisitDto(row);
      if (row.opened) {
        const position = positions.get(row.id) ?? { lat: 0, lon: 0 };
        events.push({
          type: 'visit.arrived',
          occurredAt: row.arrived_at,
          driverId: driver.id,
          data: { driver, place, visitId: row.id, arrivedAt: visit.arrivedAt, position },
        });
        changes.push({ type: 'arrived', visit: { ...visit, departedAt: null, dwellSeconds: 0 }, driverName: driver.name, placeName: place.name });
      }
      if (row.departed_at) {
        events.push({
          type: 'visit.departed',
          occurredAt: row.departed_at,
          driverId: driver.id,
          data: { driver, place, visitId: row.id, arrivedAt: visit.arrivedAt, departedAt: visit.departedAt as string, dwellSeconds: visit.dwellSeconds },
        });
        changes.push({ type: 'departed', visit, driverName: driver.name, placeName: place.name });
      }
    }
    const time = (change: VisitChange) => Date.parse(change.type === 'arrived' ? change.visit.arrivedAt : (change.visit.departedAt as string));
    changes.sort((a, b) => time(a) - time(b));
    events.sort((a, b) => (a.occurredAt?.getTime() ?? 0) - (b.occurredAt?.getTime() ?? 0));
    return { events, afterCommit: () => this.live.committed(changes) };
  }
}

interface StateRow {
  driver_id: string;
  last_evaluated_at: Date | null;
  open: PersistedOpenVisit[] | null;
}

interface ChangedRow {
  id: string;
  driver_id: string;
  place_id: string;
  arrived_at: Date;
  departed_at: Date | null;
  opened: boolean;
  driver_name: string;
  place_name: string;
  place_kind: PlaceKind;
}

function toVisitDto(row: ChangedRow): VisitChange['visit'] {
  return {
    id: row.id,
    driverId: row.driver_id,
    placeId: row.place_id,
    arrivedAt: row.arrived_at.toISOString(),
    departedAt: row.departed_at?.toISOString() ?? null,
    dwellSeconds: row.departed_at ? Math.round((row.departed_at.getTime() - row.arrived_at.getTime()) / 1000) : 0,
    driverName: row.driver_name,
    placeName: row.place_name,
  };
}

const LOCK_STATES_STATEMENT = 'convoy_lock_place_states_v1';
const WRITE_STATEMENT = 'convoy_write_visits_v1';

/** `SET driver_id = EXCLUDED.driver_id` changes nothing but takes the row lock and returns the committed row. */
const LOCK_STATES_SQL = `
  INSERT INTO driver_place_states (driver_id)
  SELECT id FROM unnest($1::uuid[]) AS t(id) ORDER BY id
  ON CONFLICT (driver_id) DO UPDATE SET driver_id = EXCLUDED.driver_id
  RETURNING driver_id, last_evaluated_at, open`;

/**
 * $1–$3 the new states; $4–$8 visits starting in this batch (departed_at set when they end in it too),
 * joined to `places` FOR KEY SHARE so a place deleted meanwhile drops its arrival instead of failing the
 * batch; $9–$10 departures of visits opened earlier (a row deleted with its place closes nothing).
 */
const WRITE_SQL = `
  WITH states AS (
    UPDATE driver_place_states s
       SET last_evaluated_at = x.at, open = x.open
      FROM unnest($1::uuid[], $2::timestamptz[], $3::jsonb[]) AS x(driver_id, at, open)
     WHERE s.driver_id = x.driver_id
  ), arrivals AS (
    SELECT a.*
      FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[])
           AS a(id, driver_id, place_id, arrived_at, departed_at)
      JOIN places p ON p.id = a.place_id
       FOR KEY SHARE OF p
  ), opened AS (
    INSERT INTO visits (id, driver_id, place_id, arrived_at, departed_at)
    SELECT id, driver_id, place_id, arrived_at, departed_at FROM arrivals
    RETURNING id, driver_id, place_id, arrived_at, departed_at, true AS opened
  ), closed AS (
    UPDATE visits v
       SET departed_at = c.departed_at
      FROM unnest($9::uuid[], $10::timestamptz[]) AS c(id, departed_at)
     WHERE v.id = c.id AND v.departed_at IS NULL
    RETURNING v.id, v.driver_id, v.place_id, v.arrived_at, v.departed_at, false AS opened
  ), changed AS (
    SELECT * FROM opened UNION ALL SELECT * FROM closed
  )
  SELECT c.*, d.name AS driver_name, p.name AS place_name, p.kind AS place_kind
    FROM changed c
    JOIN drivers d ON d.id = c.driver_id
    JOIN places p ON p.id = c.place_id`;
