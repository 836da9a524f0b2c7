import { Injectable, Logger } from '@nestjs/common';
import type { VisitChange } from '@convoy/contracts';
import { DriversService } from '@convoy/server/tracking';
import { Subject } from 'rxjs';

/**
 * What dashboards hear of visits, after the batch that decided them committed: `changes$` (the live
 * gateway emits it as the `visits` event; with the Redis adapter every replica's dashboards get it, once,
 * from the replica that committed), and a `driver` upsert for each driver whose `currentPlace` changed
 * (by a visit, or by its place being renamed or deleted).
 */
@Injectable()
export class VisitsLive {
  private readonly logger = new Logger(VisitsLive.name);
  readonly changes$ = new Subject<VisitChange[]>();

  constructor(private readonly drivers: DriversService) {}

  committed(changes: VisitChange[]): void {
    if (changes.length === 0) return;
    this.changes$.next(changes);
    this.announceDrivers(changes.map((change) => change.visit.driverId));
  }

  /** A `driver` upsert for each of these drivers, read afresh (their `currentPlace` changed). */
  announceDrivers(driverIds: string[]): void {
    void Promise.all([...new Set(driverIds)].map(async (id) => this.drivers.publish(await this.drivers.entity(id)))).catch((error: Error) =>
      this.logger.warn(`Could not announce drivers' current places: ${error.message}`),
    );
  }
}
