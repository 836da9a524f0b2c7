import { Injectable, signal } from '@angular/core';
import type { DriverStatus, PositionDto } from '@convoy/contracts';
import type { PlaybackPoint } from '../map/playback-point';

export type DriverSort = 'last-seen' | 'name';

/**
 * What the dispatcher is looking at on the fleet page, shared by the list, the map and the driver
 * panel: filters, the selected driver (set by the panel's route), following, the drawer, the track.
 */
@Injectable()
export class FleetViewState {
  readonly search = signal('');
  /** Statuses shown; empty = all. */
  readonly statuses = signal<ReadonlySet<DriverStatus>>(new Set());
  readonly sort = signal<DriverSort>('last-seen');
  /** Only drivers at this place now (their open visit); null = anywhere. */
  readonly placeId = signal<string | null>(null);
  readonly selectedId = signal<string | null>(null);
  /** The map keeps the selected driver in view as it moves. */
  readonly following = signal(false);
  /** Narrow screens: the driver list is a drawer. */
  readonly drawerOpen = signal(false);
  /** The selected driver's recorded track for the chosen range, drawn on the map. */
  readonly track = signal<readonly PositionDto[] | null>(null);
  readonly playback = signal<PlaybackPoint | null>(null);

  toggleStatus(status: DriverStatus): void {
    this.statuses.update((current) => {
      const next = new Set(current);
      if (!next.delete(status)) next.add(status);
      return next;
    });
  }

  showAllStatuses(): void {
    this.statuses.set(new Set());
  }
}
