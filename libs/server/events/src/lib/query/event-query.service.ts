import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConvoyEvent } from '@convoy/contracts';
import type { DataSource } from 'typeorm';
import type { EventListQueryDto } from './dto/event.dto';
import { unknownCursor } from './events.errors';

/** What a poller with `after` does not see yet: a transaction that began earlier may still commit a lower seq. */
const SETTLE_SECONDS = 2;

/** Reads the stream for integrators and dashboards: `GET /api/events`. */
@Injectable()
export class EventQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: EventListQueryDto): Promise<ConvoyEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.type) where.push(`type = ${param(query.type)}`);
    if (query.driverId) where.push(`driver_id = ${param(query.driverId)}`);
    if (query.from) where.push(`occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`occurred_at < ${param(query.to)}`);
    if (query.after) {
      const [cursor] = (await this.dataSource.query(`SELECT seq FROM events WHERE id = $1`, [query.after])) as Array<{ seq: string }>;
      if (!cursor) throw unknownCursor();
      where.push(`seq > ${param(cursor.seq)}`, `created_at < now() - interval '${SETTLE_SECONDS} seconds'`);
    }
    const order = query.after ? 'seq ASC' : 'seq DESC';
    const rows = (await this.dataSource.query(
      `SELECT id, type, occurred_at, driver_id, data FROM events
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order} LIMIT ${param(query.limit ?? 100)}`,
      params,
    )) as Array<{ id: string; type: ConvoyEvent['type']; occurred_at: Date; driver_id: string | null; data: ConvoyEvent['data'] }>;
    return rows.map(
      (row) => ({ id: row.id, type: row.type, occurredAt: row.occurred_at.toISOString(), driverId: row.driver_id, data: row.data }) as ConvoyEvent,
    );
  }
}
