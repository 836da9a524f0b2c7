import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAX_HISTORY_RANGE_DAYS, type VisitDto } from '@convoy/contracts';
import { rangeInvalid, rangeTooLong } from '@convoy/server/tracking';
import type { DataSource, EntityManager } from 'typeorm';
import { tooManyVisits } from './visits.errors';

/** Rows one answer carries at most (a fleet's quarter of visits is well below; beyond: narrow the query). */
export const MAX_VISITS_PER_ANSWER = 50_000;
const DAY_MS = 86_400_000;

export interface VisitQuery {
  driverId?: string;
  placeId?: string;
  from?: string;
  to?: string;
}


/** Visits as history: listed by range (overlapping it), driver and place; erased with their driver. */
@Injectable()
export class VisitsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: VisitQuery, now = new Date()): Promise<VisitDto[]> {
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
    if (from > to) throw rangeInvalid();
    if (to.getTime() - from.getTime() > MAX_HISTORY_RANGE_DAYS * DAY_MS) throw rangeTooLong();
    const rows = (await this.dataSource.query(LIST_SQL, [
      from.toISOString(),
      to.toISOString(),
      query.driverId ?? null,
      query.placeId ?? null,
      MAX_VISITS_PER_ANSWER + 1,
    ])) as VisitRow[];
    if (rows.length > MAX_VISITS_PER_ANSWER) throw tooManyVisits(MAX_VISITS_PER_ANSWER);
    return rows.map((row) => ({
      id: row.id,
      driverId: row.driver_id,
      placeId: row.place_id,
      arrivedAt: row.arrived_at.toISOString(),
      departedAt: row.departed_at?.toISOString() ?? null,
      dwellSeconds: Math.max(0, Math.round(((row.departed_at ?? now).getTime() - row.arrived_at.getTime()) / 1000)),
      driverName: row.driver_name,
      placeName: row.place_name,
    }));
  }

  /** Erasure: the driver's visits and place state go in the caller's transaction. */
  async eraseDriverWithin(manager: EntityManager, driverId: string): Promise<void> {
    await manager.query(`DELETE FROM visits WHERE driver_id = $1`, [driverId]);
    await manager.query(`DELETE FROM driver_place_states WHERE driver_id = $1`, [driverId]);
  }
}

interface VisitRow {
  id: string;
  driver_id: string;
  place_id: string;
  arrived_at: Date;
  departed_at: Date | null;
  driver_name: string;
  place_name: string;
}

/** Visits overlapping [from, to): arrived before `to`, and not departed before `from`. */
const LIST_SQL = `
  SELECT v.id, v.driver_id, v.place_id, v.arrived_at, v.departed_at, d.name AS driver_name, p.name AS place_name
    FROM visits v
    JOIN drivers d ON d.id = v.driver_id
    JOIN places p ON p.id = v.place_id
   WHERE v.arrived_at < $2 AND (v.departed_at IS NULL OR v.departed_at >= $1)
     AND ($3::uuid IS NULL OR v.driver_id = $3) AND ($4::uuid IS NULL OR v.place_id = $4)
   ORDER BY v.arrived_at, v.id
   LIMIT $5`;
