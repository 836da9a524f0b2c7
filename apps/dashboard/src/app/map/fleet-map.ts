import { LeafletDirective, LeafletLayersDirective } from '@bluehalo/ngx-leaflet';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  ViewEncapsulation,
} from '@angular/core';
import type { PositionDto } from '@convoy/contracts';
import type { Layer, LatLngBounds, Map as LeafletMap, MapOptions } from 'leaflet';
import { FALLBACK_TILES, PublicConfigStore } from '../core/config/public-config.store';
import type { LiveFleet } from '../core/live/live-driver';
import { CLUSTERING_OFF_AT_ZOOM, DriverMarkersLayer } from './driver-markers.layer';
import { Leaflet } from './leaflet-global';
import { DEFAULT_VIEW, MAX_ZOOM } from './leaflet-setup';
import { MapLegend } from './map-legend';
import type { PlaybackPoint } from './playback-point';
import { SelectionLayer } from './selection.layer';
import { TrackLayer } from './track.layer';
import { TrailsLayer } from './trails.layer';
import { PlacesLayer, SHOW_PLACES_KEY } from './places.layer';
import { PlacesApi } from '../places/places-api';
import type { PlaceDto } from '@convoy/contracts';

/** What the map can be asked to do (by the page, the list, the driver panel). */
export interface MapCommands {
  fitAll(): void;
  focusDriver(driverId: string): void;
  fitTrack(): void;
}

const FIT_PADDING = 48;
/** "Fit all" never zooms in further than this (one driver alone would fill the screen otherwise). */
const FIT_MAX_ZOOM = CLUSTERING_OFF_AT_ZOOM;
/** Zoom when focusing a driver from the list: close enough to see the streets, unclustered. */
const FOCUS_ZOOM = 16;

/**
 * The live fleet map. This component owns the Leaflet map; each kind of content is its own layer
 * object (driver markers + clusters, live trails, the selection, a recorded track) fed from inputs.
 * Leaflet events come back into Angular through outputs and signals (zoneless: a signal write or an
 * output is what schedules change detection).
 */
@Component({
  selector: 'cv-fleet-map',
  imports: [LeafletDirective, LeafletLayersDirective, MapLegend],
  templateUrl: './fleet-map.html',
  styleUrl: './fleet-map.scss',
  // Leaflet builds its DOM (clusters, tooltips, markers) outside Angular: styles must reach it
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetMap implements MapCommands {
  readonly fleet = input<LiveFleet>({ drivers: new Map(), revision: 0, changed: null });
  readonly selectedId = input<string | null>(null);
  readonly following = input(false);
  readonly track = input<readonly PositionDto[] | null>(null);
  readonly playback = input<PlaybackPoint | null>(null);
  /** Pixels covered by a panel (right: side sheet; bottom: bottom sheet): focusing centres in the rest. */
  readonly covered = input<{ right: number; bottom: number }>({ right: 0, bottom: 0 });

  readonly ready = output<MapCommands>();
  readonly driverClicked = output<string>();
  readonly followingChange = output<boolean>();

  protected readonly config = inject(PublicConfigStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  private readonly map = signal<LeafletMap | null>(null);
  /** Bumped on every pan/zoom end: trails depend on the view. */
  private readonly viewChanged = signal(0);
  private markers: DriverMarkersLayer | null = null;
  private trails: TrailsLayer | null = null;
  private selection: SelectionLayer | null = null;
  private trackLayer: TrackLayer | null = null;
  private placesLayer: PlacesLayer | null = null;
  private readonly placesApi = inject(PlacesApi);
  /** The places layer toggle (remembered); places are read when it is switched on. */
  protected readonly showPlaces = signal(localStorage.getItem(SHOW_PLACES_KEY) === '1');
  private readonly places = signal<readonly PlaceDto[] | null>(null);

  /** The selected driver; a new value only when that driver changed (not on every fleet frame). */
  protected readonly selectedDriver = computed(() => {
    const id = this.selectedId();
    return id ? (this.fleet().drivers.get(id) ?? null) : null;
  });

  protected readonly hasDrivers = computed(() => {
    for (const driver of this.fleet().drivers.values()) if (driver.lastPosition) return true;
    return false;
  });

  protected readonly hasDemoDrivers = computed(() => {
    for (const driver of this.fleet().drivers.values()) if (driver.demo) return true;
    return false;
  });

  protected readonly options: MapOptions = {
    center: Leaflet.latLng(DEFAULT_VIEW.center),
    zoom: DEFAULT_VIEW.zoom,
    minZoom: 2,
    maxZoom: MAX_ZOOM,
    preferCanvas: true,
    worldCopyJump: true,
    zoomControl: true,
    attributionControl: true,
  };

  /** The base layer, from the server's tile settings (OSM as a last resort if they cannot be read). */
  protected readonly baseLayers = computed<Layer[]>(() => {
    const source = this.config.config() ?? (this.config.error() ? FALLBACK_TILES : null);
    if (!source) return [];
    return [Leaflet.tileLayer(source.tileUrl, { attribution: source.tileAttribution, maxZoom: MAX_ZOOM })];
  });

  constructor() {
    effect(() => {
      const fleet = this.fleet();
      this.viewChanged();
      if (!this.map()) return;
      untracked(() => {
        this.markers?.sync(fleet);
        this.trails?.sync(fleet.drivers);
      });
    });
    effect(() => {
      const driver = this.selectedDriver();
      const following = this.following();
      const map = this.map();
      if (!map) return;
      untracked(() => {
        this.selection?.show(driver);
        const position = driver?.lastPosition;
        if (following && position) this.centreOn([position.latitude, position.longitude], map.getZoom(), true);
      });
    });
    effect(() => {
      const track = this.track();
      if (this.map()) untracked(() => this.trackLayer?.showTrack(track));
    });
    effect(() => {
      const places = this.showPlaces() ? this.places() : null;
      if (this.map()) untracked(() => this.placesLayer?.show(places));
    });
    effect(() => {
      if (this.showPlaces() && this.places() === null) {
        untracked(() => void this.placesApi.list().then((list) => this.places.set(list), () => this.places.set([])));
      }
    });
    effect(() => {
      const point = this.playback();
      if (this.map()) untracked(() => this.trackLayer?.showPlayback(point));
    });
  }

  protected onMapReady(map: LeafletMap): void {
    this.markers = new DriverMarkersLayer(map, (id) => this.driverClicked.emit(id));
    this.trails = new TrailsLayer(map);
    this.selection = new SelectionLayer(map);
    this.placesLayer = new PlacesLayer(map);
    this.trackLayer = new TrackLayer(map);
    map.on('moveend', () => this.viewChanged.update((n) => n + 1));
    map.on('dragstart', () => {
      if (this.following()) this.followingChange.emit(false);
    });
    // The header/banner/panel can change the map's size without a window resize: keep Leaflet's idea right.
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(map.getContainer());
    this.destroyRef.onDestroy(() => {
      observer.disconnect();
      this.markers?.destroy();
      this.trails?.destroy();
      this.selection?.destroy();
      this.trackLayer?.destroy();
      this.placesLayer?.destroy();
    });
    this.map.set(map);
    this.ready.emit(this);
  }

  fitAll(): void {
    const map = this.map();
    const bounds = this.driverBounds();
    if (!map || !bounds) return;
    this.followingChange.emit(false);
    this.fit(map, bounds, FIT_MAX_ZOOM);
  }

  focusDriver(driverId: string): void {
    // after this change detection: a panel opening with the same selection changes `covered`
    afterNextRender(
      () => {
        const map = this.map();
        const position = this.fleet().drivers.get(driverId)?.lastPosition;
        if (!map || !position) return;
        this.centreOn([position.latitude, position.longitude], Math.max(map.getZoom(), FOCUS_ZOOM), false);
      },
      { injector: this.injector },
    );
  }

  fitTrack(): void {
    const map = this.map();
    const bounds = this.trackLayer?.bounds();
    if (map && bounds) {
      this.followingChange.emit(false);
      this.fit(map, bounds, MAX_ZOOM - 1);
    }
  }

  protected togglePlaces(): void {
    const on = !this.showPlaces();
    localStorage.setItem(SHOW_PLACES_KEY, on ? '1' : '0');
    if (on) this.places.set(null); // read them afresh
    this.showPlaces.set(on);
  }

  protected toggleFollowing(): void {
    this.followingChange.emit(!this.following());
  }

  private driverBounds(): LatLngBounds | null {
    let bounds: LatLngBounds | null = null;
    for (const driver of this.fleet().drivers.values()) {
      const p = driver.lastPosition;
      if (!p) continue;
      bounds ??= Leaflet.latLngBounds([p.latitude, p.longitude], [p.latitude, p.longitude]);
      bounds.extend([p.latitude, p.longitude]);
    }
    return bounds;
  }

  private fit(map: LeafletMap, bounds: LatLngBounds, maxZoom: number): void {
    map.fitBounds(bounds, {
      paddingTopLeft: [FIT_PADDING, FIT_PADDING],
      paddingBottomRight: [FIT_PADDING + this.covered().right, FIT_PADDING + this.covered().bottom],
      maxZoom,
      animate: false,
    });
  }

  /** Puts `latLng` in the middle of the visible part of the map (beside or above a covering panel). */
  private centreOn(latLng: [number, number], zoom: number, animate: boolean): void {
    const map = this.map();
    if (!map) return;
    const { right, bottom } = this.covered();
    const target =
      right || bottom
        ? map.unproject(map.project(latLng, zoom).add([right / 2, bottom / 2]), zoom)
        : Leaflet.latLng(latLng);
    if (animate) {
      map.panTo(target, { animate: true, duration: 0.4 });
    } else {
      map.setView(target, zoom, { animate: false });
    }
  }
}
