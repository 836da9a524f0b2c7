import type { DriverStatus } from '@convoy/contracts';
import type { Bounds, CircleMarkerOptions, LatLng, LatLngExpression, Point, Renderer } from 'leaflet';
import { Leaflet } from './leaflet-global';
import { STATUS_STYLE } from './status-style';

/** What a driver's marker shows. */
export interface MarkerLook {
  name: string;
  status: DriverStatus;
  /** Degrees clockwise from north, or null when unknown (no arrow). */
  heading: number | null;
  demo: boolean;
}

export const MARKER_RADIUS = 7;
/** The heading arrow reaches this far beyond the circle. */
const ARROW_LENGTH = 7;
const ARROW_HALF_WIDTH = 4.5;

/** Leaflet internals this class draws with (canvas renderer, projected point). */
interface CircleMarkerInternals {
  _renderer: Renderer & { _ctx?: CanvasRenderingContext2D; _drawing?: boolean };
  _point: Point;
  _radius: number;
  _pxBounds: Bounds;
  _map: unknown;
  _empty(): boolean;
  _updateBounds(): void;
  _updatePath(): void;
}

const base = Leaflet.CircleMarker.prototype as unknown as CircleMarkerInternals;

/**
 * A driver on the canvas: a circle in the status colour, an arrow for the heading when known, a
 * dashed ring for demo drivers. One per driver, kept for the driver's lifetime and changed in place.
 */
export class DriverMarker extends Leaflet.CircleMarker {
  private look: MarkerLook;
  /** A plain field, not a getter: cluster icons read it for thousands of markers. */
  status: DriverStatus;
  /**
   * Where the marker is drawn: the driver's latest position. `getLatLng()` is where the cluster group
   * filed it (its grids find the marker by that position, so it must not change behind its back);
   * it catches up when DriverMarkersLayer re-clusters the marker.
   */
  shownAt: LatLng;

  constructor(
    readonly driverId: string,
    latLng: LatLngExpression,
    look: MarkerLook,
    renderer: Renderer,
  ) {
    super(latLng, { ...styleOf(look), radius: MARKER_RADIUS, renderer, bubblingMouseEvents: true });
    this.look = look;
    this.status = look.status;
    this.shownAt = this.getLatLng();
  }

  get name(): string {
    return this.look.name;
  }

  /** Restyles when something visible changed; true when the status changed (clusters recolour). */
  setLook(look: MarkerLook): boolean {
    const before = this.look;
    this.look = look;
    this.status = look.status;
    if (before.status !== look.status || before.demo !== look.demo) {
      this.setStyle(styleOf(look));
    } else if (before.heading !== look.heading) {
      this.redraw();
    }
    return before.status !== look.status;
  }

  /** Draws the marker at `latLng` at once; the cluster group keeps it filed where it was. */
  moveTo(latLng: LatLngExpression): void {
    this.shownAt = Leaflet.latLng(latLng);
    if ((this as unknown as CircleMarkerInternals)._map) this.redraw();
  }

  /**
   * Files the marker under its shown position. Only while it is out of the cluster group (taken out
   * and put back in bulk by DriverMarkersLayer); no `move` event, which would make the group
   * re-cluster it on its own, one marker at a time.
   */
  settle(): void {
    (this as unknown as { _latlng: LatLng })._latlng = this.shownAt;
  }

  /** Leaflet hook: project the shown position, not the filed one. */
  _project(): void {
    const self = this as unknown as CircleMarkerInternals & { _map: { latLngToLayerPoint(latLng: LatLng): Point } };
    self._point = self._map.latLngToLayerPoint(this.shownAt);
    self._updateBounds();
  }

  /** Leaflet hook: room for the arrow in the redraw and hit-test bounds. */
  _updateBounds(): void {
    base._updateBounds.call(this);
    if (this.look.heading === null) return;
    const self = this as unknown as CircleMarkerInternals;
    const pad = Leaflet.point(ARROW_LENGTH, ARROW_LENGTH);
    self._pxBounds = Leaflet.bounds(self._pxBounds.min?.subtract(pad) ?? self._point, self._pxBounds.max?.add(pad) ?? self._point);
  }

  /** Leaflet hook: the circle, then the heading arrow on the same canvas. */
  _updatePath(): void {
    base._updatePath.call(this);
    const self = this as unknown as CircleMarkerInternals;
    const renderer = self._renderer;
    const ctx = renderer._ctx;
    if (this.look.heading === null || !ctx || !renderer._drawing || self._empty()) return;
    const radians = (this.look.heading * Math.PI) / 180;
    const dx = Math.sin(radians);
    const dy = -Math.cos(radians);
    const p = self._point;
    const r = self._radius;
    const tip = [p.x + dx * (r + ARROW_LENGTH), p.y + dy * (r + ARROW_LENGTH)];
    const baseX = p.x + dx * (r - 1);
    const baseY = p.y + dy * (r - 1);
    ctx.beginPath();
    ctx.moveTo(tip[0], tip[1]);
    ctx.lineTo(baseX - dy * ARROW_HALF_WIDTH, baseY + dx * ARROW_HALF_WIDTH);
    ctx.lineTo(baseX + dy * ARROW_HALF_WIDTH, baseY - dx * ARROW_HALF_WIDTH);
    ctx.closePath();
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = STATUS_STYLE[this.look.status].color;
    ctx.fill();
  }
}

function styleOf(look: MarkerLook): CircleMarkerOptions {
  return {
    fillColor: STATUS_STYLE[look.status].color,
    fillOpacity: 1,
    color: look.demo ? '#312e81' : '#ffffff',
    weight: 2,
    opacity: 1,
    dashArray: look.demo ? '3 2' : undefined,
  };
}
