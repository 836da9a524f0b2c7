import type { PositionDto } from '@convoy/contracts';
import type { LatLngBounds, Map as LeafletMap, Marker, Polyline } from 'leaflet';
import { Leaflet } from './leaflet-global';
import type { PlaybackPoint } from './playback-point';

/** Below the driver markers' canvas (overlayPane, 400): the live marker stays on top of the track's ends. */
const TRACK_PANE = 'cv-track';

/**
 * A driver's recorded track (a polyline with start and end markers) and the playback position on it.
 * SVG, not canvas: a handful of elements, easy to style and to find in tests.
 */
export class TrackLayer {
  private readonly renderer = Leaflet.svg({ padding: 0.5, pane: TRACK_PANE });
  private line: Polyline | null = null;
  private start: Marker | null = null;
  private end: Marker | null = null;
  private playback: Marker | null = null;
  private points: readonly PositionDto[] | null = null;

  constructor(private readonly map: LeafletMap) {
    const pane = map.getPane(TRACK_PANE) ?? map.createPane(TRACK_PANE);
    pane.style.zIndex = '390';
    pane.style.pointerEvents = 'none';
  }

  showTrack(points: readonly PositionDto[] | null): void {
    if (points === this.points) return;
    this.points = points;
    this.clearTrack();
    if (!points || points.length === 0) return;
    const latLngs = points.map((p) => Leaflet.latLng(p.latitude, p.longitude));
    this.line = Leaflet.polyline(latLngs, {
      renderer: this.renderer,
      className: 'cv-track-line',
      color: '#4f46e5',
      weight: 4,
      opacity: 0.85,
      lineJoin: 'round',
      interactive: false,
    }).addTo(this.map);
    if (latLngs.length > 1) {
      this.start = endpoint(latLngs[0], 'start', 'S').addTo(this.map);
      this.end = endpoint(latLngs[latLngs.length - 1], 'end', 'E').addTo(this.map);
    }
  }

  showPlayback(point: PlaybackPoint | null): void {
    if (!point) {
      this.playback?.remove();
      this.playback = null;
      return;
    }
    const latLng = Leaflet.latLng(point.latitude, point.longitude);
    if (!this.playback) {
      this.playback = Leaflet.marker(latLng, {
        icon: Leaflet.divIcon({
          className: 'cv-playback',
          iconSize: [26, 26],
          html:
            '<span class="cv-playback-arrow" data-testid="playback-marker" aria-hidden="true">' +
            '<svg viewBox="0 0 24 24" width="26" height="26"><circle cx="12" cy="12" r="10" />' +
            '<path d="M12 5.5 16.5 16 12 13.6 7.5 16Z" /></svg></span>',
        }),
        interactive: false,
        keyboard: false,
        zIndexOffset: 2000,
      }).addTo(this.map);
    } else {
      this.playback.setLatLng(latLng);
    }
    const arrow = this.playback.getElement()?.querySelector<HTMLElement>('.cv-playback-arrow');
    if (arrow) arrow.style.transform = `rotate(${point.heading ?? 0}deg)`;
  }

  bounds(): LatLngBounds | null {
    return this.line ? this.line.getBounds() : null;
  }

  destroy(): void {
    this.clearTrack();
    this.showPlayback(null);
  }

  private clearTrack(): void {
    this.line?.remove();
    this.start?.remove();
    this.end?.remove();
    this.line = this.start = this.end = null;
  }
}

function endpoint(latLng: ReturnType<typeof Leaflet.latLng>, kind: 'start' | 'end', letter: string): Marker {
  return Leaflet.marker(latLng, {
    icon: Leaflet.divIcon({
      className: `cv-track-point cv-track-${kind}`,
      iconSize: [22, 22],
      html: `<span data-testid="track-${kind}" title="Track ${kind}">${letter}</span>`,
    }),
    interactive: false,
    keyboard: false,
    pane: TRACK_PANE,
  });
}
