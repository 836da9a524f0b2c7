import type { LeafletMouseEvent, Map as LeafletMap, Marker, MarkerClusterGroup } from 'leaflet';
import type { LiveDriver, LiveFleet } from '../core/live/live-driver';
import { ClusterStatusCounts, clusterIconFor } from './cluster-icon';
import { DriverMarker, type MarkerLook } from './driver-marker';
import { Leaflet } from './leaflet-global';

/** From this zoom on every driver is drawn on its own. */
export const CLUSTERING_OFF_AT_ZOOM = 15;
/**
 * Moved markers move on the canvas at once, but are re-clustered (taken out of their cluster and put
 * back) in bulk at most this often: cluster membership and counts lag by up to this much, which nobody
 * sees, while re-clustering every frame at 1,000 moves per second would cost most of each frame.
 */
export const RECLUSTER_MS = 500;
/** At most this many markers are re-clustered per frame (about 10 ms): no long frame after a burst. */
const RECLUSTER_SLICE = 150;
/**
 * A marker is re-clustered once it has moved this many pixels at the deepest clustering zoom since it
 * was last clustered: GPS jitter of a parked truck is not worth it, and no cluster can tell.
 */
const RECLUSTER_AFTER_PX = 4;

/**
 * Every driver with a position as a canvas marker, clustered when zoomed out. Markers are keyed by
 * driver id and changed in place; `sync()` compares driver objects by identity (the store replaces a
 * driver object only when it changed), so a frame with 50 moved drivers touches 50 markers.
 */
export class DriverMarkersLayer {
  private readonly renderer = Leaflet.canvas({ padding: 0.25, tolerance: 4 });
  private readonly group: MarkerClusterGroup;
  private readonly clusterCounts = new ClusterStatusCounts();
  private readonly markers = new Map<string, DriverMarker>();
  private readonly shown = new Map<string, LiveDriver>();
  private readonly hoverTip = Leaflet.tooltip({ direction: 'top', offset: [0, -9], className: 'cv-driver-tip' });
  /** Moved since the last re-clustering. */
  private readonly unclustered = new Set<DriverMarker>();
  /** Recoloured since the last re-clustering: their clusters' rings change. */
  private readonly recoloured = new Set<DriverMarker>();
  private reclusterTimer: ReturnType<typeof setTimeout> | undefined;
  private reclusterFrame: number | undefined;
  /** The fleet revision the markers show. */
  private revision = -1;

  constructor(
    private readonly map: LeafletMap,
    onDriverClick: (driverId: string) => void,
  ) {
    this.group = Leaflet.markerClusterGroup({
      iconCreateFunction: clusterIconFor(this.clusterCounts),
      chunkedLoading: true,
      chunkInterval: 50,
      chunkDelay: 10,
      animate: false,
      animateAddingMarkers: false,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: false,
      zoomToBoundsOnClick: true,
      removeOutsideVisibleBounds: true,
      disableClusteringAtZoom: CLUSTERING_OFF_AT_ZOOM,
      maxClusterRadius: 60,
    });
    this.group.on('click', (event) => {
      const marker = (event as LeafletMouseEvent & { layer?: unknown }).layer;
      if (marker instanceof DriverMarker) onDriverClick(marker.driverId);
    });
    // one tooltip for all markers, rather than 10,000 bound ones
    this.group.on('mouseover', (event) => {
      const marker = (event as LeafletMouseEvent & { layer?: unknown }).layer;
      if (!(marker instanceof DriverMarker)) return;
      const text = document.createElement('span');
      text.textContent = marker.name; // a name is user input: never HTML
      this.hoverTip.setLatLng(marker.shownAt).setContent(text);
      this.map.openTooltip(this.hoverTip);
    });
    this.group.on('mouseout', () => this.map.closeTooltip(this.hoverTip));
    // a marker filed into a cluster (also by a chunked bulk add, later): its clusters count anew
    this.group.on('layeradd', (event) => {
      const { layer, propagatedFrom } = event as unknown as { layer?: object; propagatedFrom?: unknown };
      if (layer && !propagatedFrom) this.clusterCounts.invalidateAbove(layer);
    });
    map.addLayer(this.group);
  }

  /**
   * Brings the markers in line with the fleet: adds, moves, restyles and removes only what changed.
   * Following revisions one by one, it looks at the changed drivers only; otherwise at all of them.
   */
  sync(fleet: LiveFleet): void {
    if (fleet.revision === this.revision) return;
    const started = performance.now();
    const incremental = fleet.changed !== null && fleet.revision === this.revision + 1;
    this.revision = fleet.revision;
    const added: DriverMarker[] = [];
    const removed: DriverMarker[] = [];
    if (incremental) {
      for (const id of fleet.changed ?? []) {
        const driver = fleet.drivers.get(id);
        if (driver?.lastPosition) this.update(id, driver, added);
        else this.forget(id, removed);
      }
    } else {
      for (const [id, driver] of fleet.drivers) {
        if (driver.lastPosition) this.update(id, driver, added);
      }
      for (const id of [...this.markers.keys()]) {
        if (!fleet.drivers.get(id)?.lastPosition) this.forget(id, removed);
      }
    }
    if (removed.length) this.removeFromGroup(removed);
    if (added.length) this.group.addLayers(added);
    if (this.unclustered.size || this.recoloured.size) this.reclusterSoon();
    measure('cv:markers-sync', started, `${added.length} added, ${removed.length} removed, ${this.unclustered.size} to re-cluster`);
  }

  private update(id: string, driver: LiveDriver, added: DriverMarker[]): void {
    const position = driver.lastPosition;
    if (!position) return;
    const marker = this.markers.get(id);
    if (!marker) {
      const created = new DriverMarker(id, [position.latitude, position.longitude], lookOf(driver), this.renderer);
      this.markers.set(id, created);
      this.shown.set(id, driver);
      added.push(created);
      return;
    }
    const before = this.shown.get(id);
    if (before === driver) return;
    this.shown.set(id, driver);
    const was = before?.lastPosition;
    if (!was || was.latitude !== position.latitude || was.longitude !== position.longitude) {
      marker.moveTo([position.latitude, position.longitude]);
      if (this.movedFarFromCluster(marker)) this.unclustered.add(marker);
    }
    if (marker.setLook(lookOf(driver))) {
      this.clusterCounts.invalidateAbove(marker);
      this.recoloured.add(marker);
    }
  }

  private forget(id: string, removed: DriverMarker[]): void {
    const marker = this.markers.get(id);
    if (!marker) return;
    removed.push(marker);
    this.markers.delete(id);
    this.shown.delete(id);
    this.unclustered.delete(marker);
    this.recoloured.delete(marker);
  }

  destroy(): void {
    clearTimeout(this.reclusterTimer);
    if (this.reclusterFrame !== undefined) cancelAnimationFrame(this.reclusterFrame);
    this.map.closeTooltip(this.hoverTip);
    this.map.removeLayer(this.group);
    this.markers.clear();
    this.shown.clear();
  }

  private reclusterSoon(): void {
    if (this.reclusterFrame !== undefined) return; // slices already under way
    this.reclusterTimer ??= setTimeout(() => {
      this.reclusterTimer = undefined;
      this.recluster();
    }, RECLUSTER_MS);
  }

  private movedFarFromCluster(marker: DriverMarker): boolean {
    const zoom = CLUSTERING_OFF_AT_ZOOM - 1;
    const distance = this.map.project(marker.shownAt, zoom).distanceTo(this.map.project(marker.getLatLng(), zoom));
    return distance >= RECLUSTER_AFTER_PX;
  }

  /**
   * Moved markers out of their old clusters and into their new ones in bulk, a slice per frame;
   * recoloured markers' clusters redraw their rings.
   */
  private recluster(): void {
    const started = performance.now();
    const moved: DriverMarker[] = [];
    for (const marker of this.unclustered) {
      moved.push(marker);
      if (moved.length === RECLUSTER_SLICE) break;
    }
    for (const marker of moved) this.unclustered.delete(marker);
    const recoloured = [...this.recoloured].filter((marker) => !this.unclustered.has(marker));
    this.recoloured.clear();
    if (moved.length) {
      this.removeFromGroup(moved);
      for (const marker of moved) marker.settle();
      this.group.addLayers(moved);
    }
    // markercluster takes any layer with a position; its typings say Marker
    if (recoloured.length) this.group.refreshClusters(recoloured as unknown as Marker[]);
    if (this.unclustered.size) this.reclusterFrame = requestAnimationFrame(() => this.recluster());
    else this.reclusterFrame = undefined;
    measure('cv:recluster', started, `${moved.length} moved, ${recoloured.length} recoloured`);
  }

  private removeFromGroup(markers: DriverMarker[]): void {
    for (const marker of markers) this.clusterCounts.invalidateAbove(marker);
    this.group.removeLayers(markers);
  }

}

/** User Timing entries: the dashboard benchmark reads them (cheap when nobody does). */
function measure(name: string, start: number, detail: string): void {
  performance.measure(name, { start, end: performance.now(), detail });
}

function lookOf(driver: LiveDriver): MarkerLook {
  return { name: driver.name, status: driver.status, heading: driver.lastPosition?.heading ?? null, demo: driver.demo };
}
