import type { Map as LeafletMap, Polyline } from 'leaflet';
import type { LiveDriver, TrailPoint } from '../core/live/live-driver';
import { Leaflet } from './leaflet-global';
import { STATUS_STYLE } from './status-style';

/** Trails appear from this zoom on (below it they would be a few pixels long anyway). */
export const TRAILS_FROM_ZOOM = 12;
/** At most this many trails are drawn at once. */
const MAX_TRAILS = 300;

/**
 * A short line behind each moving (live) driver in view: its last few points, kept by LiveStore.
 * Polylines are keyed by driver id and updated in place with setLatLngs.
 */
export class TrailsLayer {
  private readonly renderer = Leaflet.canvas({ padding: 0.25 });
  private readonly group = Leaflet.layerGroup();
  private readonly lines = new Map<string, { line: Polyline; trail: readonly TrailPoint[] }>();

  constructor(private readonly map: LeafletMap) {
    map.addLayer(this.group);
  }

  sync(drivers: ReadonlyMap<string, LiveDriver>): void {
    if (this.map.getZoom() < TRAILS_FROM_ZOOM) {
      this.clear();
      return;
    }
    const area = this.map.getBounds().pad(0.25);
    const kept = new Set<string>();
    for (const driver of drivers.values()) {
      if (kept.size >= MAX_TRAILS) break;
      const last = driver.trail.at(-1);
      if (driver.status !== 'live' || driver.trail.length < 2 || !last || !area.contains(last as [number, number])) continue;
      kept.add(driver.id);
      const drawn = this.lines.get(driver.id);
      if (!drawn) {
        const line = Leaflet.polyline(driver.trail as Array<[number, number]>, {
          renderer: this.renderer,
          color: STATUS_STYLE.live.color,
          weight: 3,
          opacity: 0.5,
          lineCap: 'round',
          lineJoin: 'round',
          interactive: false,
        });
        this.group.addLayer(line);
        this.lines.set(driver.id, { line, trail: driver.trail });
      } else if (drawn.trail !== driver.trail) {
        drawn.line.setLatLngs(driver.trail as Array<[number, number]>);
        drawn.trail = driver.trail;
      }
    }
    for (const [id, drawn] of this.lines) {
      if (!kept.has(id)) {
        this.group.removeLayer(drawn.line);
        this.lines.delete(id);
      }
    }
  }

  destroy(): void {
    this.clear();
    this.map.removeLayer(this.group);
  }

  private clear(): void {
    if (this.lines.size === 0) return;
    this.group.clearLayers();
    this.lines.clear();
  }
}
