import { Injectable } from '@angular/core';
import type { MapCommands } from '../map/fleet-map';

/**
 * Lets the list and the driver panel move the map without holding it. A command given before the map
 * is ready (a deep link) waits for it; only the latest one is kept.
 */
@Injectable()
export class MapController implements MapCommands {
  private map: MapCommands | null = null;
  private pending: ((map: MapCommands) => void) | null = null;

  attach(map: MapCommands): void {
    this.map = map;
    const pending = this.pending;
    this.pending = null;
    pending?.(map);
  }

  fitAll(): void {
    this.run((map) => map.fitAll());
  }

  focusDriver(driverId: string): void {
    this.run((map) => map.focusDriver(driverId));
  }

  fitTrack(): void {
    this.run((map) => map.fitTrack());
  }

  private run(command: (map: MapCommands) => void): void {
    if (this.map) command(this.map);
    else this.pending = command;
  }
}
