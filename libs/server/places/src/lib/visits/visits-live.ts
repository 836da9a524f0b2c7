import { Injectable, Logger } from '@nestjs/common';
import type { VisitChange } from '@convoy/contracts';
import { DriversService } from '@convoy/server/tracking';
import { Subject } from 'rxjs';

/**
 * What dashboards hear of visits, after the batch that decided them committed: `changes$` (the live
 * gateway emits it as the `visits` event; with the Redis adapter every replica's dashboards get it, once,
 * from the replica that committed), and a `driver` upsert for each driver whose `currentPlace` changed.
 */
@Injectable()
export class VisitsLive {
  private readonly logger = new Logger(VisitsLive.name);
  readonly changes$ = new Subject<VisitChange[]>();

  constructor(private readonly drivers: DriversService) {}

  committed(changes: VisitChange[]): void {
    if (changes.length === 0) return;
    this.changes$.next(changes);
    void this.drivers
      .republish(changes.map((change) => change.visit.driverId))
      .catch((error: Error) => this.logger.warn(`Could not announce drivers' current places: ${error.message}`));
  }
}
