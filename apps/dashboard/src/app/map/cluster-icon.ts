import type { DriverStatus } from '@convoy/contracts';
import type { DivIcon, MarkerCluster } from 'leaflet';
import { DriverMarker } from './driver-marker';
import { Leaflet } from './leaflet-global';
import { STATUS_ORDER, STATUS_STYLE } from './status-style';

type StatusCounts = Record<DriverStatus, number>;

/** markercluster's tree (what getAllChildMarkers walks): clusters hold markers and smaller clusters. */
interface ClusterNode {
  _markers: unknown[];
  _childClusters: ClusterNode[];
  __parent?: ClusterNode;
}

/**
 * Drivers per status in each cluster, cached per cluster: a cluster icon is redrawn whenever anything
 * below it changed, and counting 10,000 markers for each of them would cost most of a frame. The
 * layer invalidates the clusters above a marker before taking it out or recolouring it; adding it
 * back invalidates through `layeradd`.
 */
export class ClusterStatusCounts {
  private readonly cache = new WeakMap<ClusterNode, StatusCounts>();

  /** The clusters above `marker` are about to change (marker removed, moved or recoloured). */
  invalidateAbove(marker: object): void {
    for (let cluster = (marker as { __parent?: ClusterNode }).__parent; cluster; cluster = cluster.__parent) {
      if (!this.cache.delete(cluster)) break; // nothing cached above an uncached cluster
    }
  }

  of(cluster: MarkerCluster): StatusCounts {
    return this.count(cluster as unknown as ClusterNode);
  }

  private count(cluster: ClusterNode): StatusCounts {
    let counts = this.cache.get(cluster);
    if (counts) return counts;
    counts = { live: 0, stale: 0, offline: 0, 'sharing-ended': 0 };
    for (const marker of cluster._markers) {
      if (marker instanceof DriverMarker) counts[marker.status]++;
    }
    for (const child of cluster._childClusters) {
      const below = this.count(child);
      counts.live += below.live;
      counts.stale += below.stale;
      counts.offline += below.offline;
      counts['sharing-ended'] += below['sharing-ended'];
    }
    this.cache.set(cluster, counts);
    return counts;
  }
}

/**
 * A cluster that does not hide status: the count in the middle of a ring split by status (live
 * green, stale amber, …) in proportion, and the breakdown as the accessible name and tooltip.
 */
export function clusterIconFor(counts: ClusterStatusCounts): (cluster: MarkerCluster) => DivIcon {
  return (cluster) => clusterIcon(counts.of(cluster), cluster.getChildCount());
}

export function clusterIcon(counts: StatusCounts, total: number): DivIcon {
  const present = STATUS_ORDER.filter((status) => counts[status] > 0);
  let from = 0;
  const stops = present.map((status) => {
    const to = from + (counts[status] / total) * 360;
    const stop = `${STATUS_STYLE[status].color} ${from.toFixed(1)}deg ${to.toFixed(1)}deg`;
    from = to;
    return stop;
  });
  const breakdown = present.map((status) => `${counts[status]} ${STATUS_STYLE[status].label.toLowerCase()}`).join(', ');
  const label = `${total} drivers: ${breakdown}`;
  const size = total < 10 ? 34 : total < 100 ? 40 : total < 1000 ? 46 : 52;
  // built as elements, not an HTML string: the ring's colours are set through the CSSOM, which the
  // CSP allows (a style="" attribute would need 'unsafe-inline'), and the label is text, never markup
  const ring = document.createElement('div');
  ring.className = 'cv-cluster-ring';
  ring.style.background = `conic-gradient(${stops.join(', ')})`;
  ring.title = label;
  const count = document.createElement('span');
  count.setAttribute('aria-hidden', 'true');
  count.textContent = shortCount(total);
  const name = document.createElement('span');
  name.className = 'cv-visually-hidden';
  name.textContent = label;
  ring.append(count, name);
  return Leaflet.divIcon({ className: 'cv-cluster', iconSize: [size, size], html: ring });
}

/** 7, 42, 999, 1.2k, 10k */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  const thousands = n / 1000;
  return `${thousands < 10 ? thousands.toFixed(1).replace(/\.0$/, '') : Math.round(thousands)}k`;
}
