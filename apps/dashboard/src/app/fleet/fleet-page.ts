import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import { AuthStore } from '../core/auth/auth.store';
import { ActivityFeed } from '../core/live/activity-feed';
import { LiveStore } from '../core/live/live.store';
import { FleetMap } from '../map/fleet-map';
import { ActivityFeedPanel } from './activity/activity-feed-panel';
import { ConnectionBanner } from './connection-banner';
import { DriverFilters } from './driver-list/driver-filters';
import { DriverList } from './driver-list/driver-list';
import { filterDrivers } from './driver-list/filter-drivers';
import { EmptyFleet } from './empty-fleet';
import { FleetViewState } from './fleet-view.state';
import { LiveClock } from './live-clock';
import { MapController } from './map-controller';
import { mediaQuery, NARROW_SCREEN } from './media-query';
import { throttledSignal } from './throttled-signal';

/** What the driver panel covers (driver-panel.scss): a side sheet on wide screens, else a bottom sheet. */
const PANEL_WIDTH = 390;
const PANEL_HEIGHT_SHARE = 0.58;
/** The list re-sorts at most this often: rows must not jump under the pointer at 60 fps. */
const LIST_REFRESH_MS = 1_000;

/**
 * The live fleet: the driver list (and today's activity feed under it) beside the map (a drawer on narrow screens), the map, and the
 * driver panel (`/drivers/:id`) over the map. Owns the page's live feed and view state.
 */
@Component({
  selector: 'cv-fleet-page',
  imports: [RouterOutlet, FleetMap, DriverFilters, DriverList, ConnectionBanner, EmptyFleet, ActivityFeedPanel],
  providers: [LiveStore, ActivityFeed, FleetViewState, MapController, LiveClock],
  templateUrl: './fleet-page.html',
  styleUrl: './fleet-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closeDrawer()' },
})
export class FleetPage {
  protected readonly live = inject(LiveStore);
  protected readonly view = inject(FleetViewState);
  protected readonly mapController = inject(MapController);
  protected readonly clock = inject(LiveClock);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  private readonly listSource = throttledSignal(this.live.fleet, LIST_REFRESH_MS);
  protected readonly listed = computed(() => {
    const started = performance.now();
    const listed = filterDrivers(this.listSource().drivers.values(), {
      search: this.view.search(),
      statuses: this.view.statuses(),
      placeId: this.view.placeId(),
      sort: this.view.sort(),
    });
    performance.measure('cv:list', { start: started, end: performance.now() }); // read by the benchmark
    return listed;
  });
  protected readonly canCreateLinks = computed(() => this.auth.user() !== null && this.auth.can('dispatcher'));
  protected readonly empty = computed(() => this.live.loaded() && this.live.total() === 0);
  private readonly mapArea = viewChild.required<ElementRef<HTMLElement>>('mapArea');
  private readonly mapAreaHeight = signal(0);
  protected readonly covered = computed(() => {
    if (!this.view.selectedId()) return { right: 0, bottom: 0 };
    return this.narrow()
      ? { right: 0, bottom: Math.round(this.mapAreaHeight() * PANEL_HEIGHT_SHARE) }
      : { right: PANEL_WIDTH, bottom: 0 };
  });
  /** The drawer is off screen: keep its buttons out of the tab order. */
  protected readonly drawerHidden = computed(() => this.narrow() && !this.view.drawerOpen());

  private framedFleet = false;
  private focusedId: string | null = null;

  constructor() {
    this.live.start();
    afterNextRender(() => {
      const area = this.mapArea().nativeElement;
      const observer = new ResizeObserver(() => this.mapAreaHeight.set(area.clientHeight));
      observer.observe(area);
      this.destroyRef.onDestroy(() => observer.disconnect());
    });
    // Frame the map once the fleet is known: the deep-linked driver, else everybody. Then follow selections.
    effect(() => {
      const id = this.view.selectedId();
      if (!this.live.loaded()) return;
      untracked(() => {
        if (id && id !== this.focusedId && this.live.driver(id)?.lastPosition) {
          this.focusedId = id;
          this.mapController.focusDriver(id);
        } else if (!id && !this.framedFleet) {
          this.mapController.fitAll();
        }
        if (!id) this.focusedId = null;
        this.framedFleet = true;
      });
    });
  }

  /** From the list or a marker: open the driver's panel and centre the map on them. */
  protected choose(driverId: string): void {
    this.view.drawerOpen.set(false);
    if (driverId === this.view.selectedId()) {
      this.mapController.focusDriver(driverId);
    } else {
      void this.router.navigate(['/drivers', driverId]);
    }
  }

  protected toggleDrawer(): void {
    const open = !this.view.drawerOpen();
    this.view.drawerOpen.set(open);
    if (open) this.focusAfterRender('#driver-search');
  }

  protected closeDrawer(): void {
    if (!this.view.drawerOpen()) return;
    this.view.drawerOpen.set(false);
    if (this.narrow()) this.focusAfterRender('[data-testid="drawer-toggle"]');
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
