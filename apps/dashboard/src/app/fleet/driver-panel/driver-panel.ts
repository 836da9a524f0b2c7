import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { AuthStore } from '../../core/auth/auth.store';
import { errorStatus, serverMessage } from '../../core/http/api-error';
import { formatClock } from '../../core/live/activity-feed';
import { DriversApi } from '../../core/live/drivers-api';
import { LiveStore } from '../../core/live/live.store';
import { CloseIcon } from '../../ui/close-icon';
import { FleetViewState } from '../fleet-view.state';
import {
  formatAccuracy,
  formatAgo,
  formatCoordinates,
  formatDateTime,
  formatHeading,
  formatSpeed,
  telegramHandle,
} from '../format';
import { LiveClock } from '../live-clock';
import { ChannelBadge } from '../channel-badge';
import { StatusBadge } from '../status-badge';
import { erasedNote } from '../erased-note';
import { batteryFact } from './battery';
import { DeleteDriverDialog } from './delete-driver-dialog';
import { DisconnectDevice } from './disconnect-device';
import { EraseDriverDialog } from './erase-driver-dialog';
import { DriverNameEditor } from './driver-name-editor';
import { TrackSection } from './track-section';

/**
 * One driver, over the map (`/drivers/:id`, so a link opens it): live facts, the recorded track with
 * playback and exports, and — for dispatchers and admins — rename, erase (GDPR: the driver's
 * personal data goes, an entry stays) and delete. An erased driver shows only that entry.
 */
@Component({
  selector: 'cv-driver-panel',
  imports: [StatusBadge, ChannelBadge, DriverNameEditor, TrackSection, DeleteDriverDialog, EraseDriverDialog, DisconnectDevice, CloseIcon],
  templateUrl: './driver-panel.html',
  styleUrl: './driver-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // no driver (loading, or not found): a short message, not a full-height sheet of nothing
  host: { '[class.compact]': '!driver()' },
})
export class DriverPanel {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly live = inject(LiveStore);
  private readonly view = inject(FleetViewState);
  private readonly auth = inject(AuthStore);
  private readonly api = inject(DriversApi);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  protected readonly clock = inject(LiveClock);

  protected readonly driver = computed(() => this.live.fleet().drivers.get(this.id()) ?? null);
  protected readonly canEdit = computed(() => this.auth.user() !== null && this.auth.can('dispatcher'));
  /** Loaded, and this id is not a driver we can see. */
  protected readonly missing = signal(false);
  protected readonly deleteOpen = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly eraseOpen = signal(false);
  protected readonly erasing = signal(false);
  protected readonly eraseError = signal<string | null>(null);
  /** "Left and erased their data · …" for an erased driver, else null. */
  protected readonly erased = computed(() => {
    const driver = this.driver();
    return driver ? erasedNote(driver) : null;
  });

  protected readonly battery = computed(() => batteryFact(this.driver()?.lastPosition?.battery));
  /** A browser or GPS app holds a device key a dispatcher can revoke (Telegram ends with /stop). */
  protected readonly device = computed(() => {
    const channel = this.driver()?.channel;
    return channel === 'browser' ? 'browser' : channel === 'app' ? 'GPS app' : null;
  });
  protected readonly handle = computed(() => telegramHandle(this.driver()?.telegram ?? null));
  protected readonly lastUpdate = computed(() => {
    const ms = this.driver()?.lastSeenMs ?? null;
    return ms === null ? null : { at: formatDateTime(ms), iso: new Date(ms).toISOString(), ms };
  });
  protected readonly sharingSince = computed(() => {
    const since = this.driver()?.sharingSince;
    return since ? formatDateTime(Date.parse(since)) : null;
  });
  protected readonly liveUntil = computed(() => {
    const until = this.driver()?.liveUntil;
    return until ? formatDateTime(Date.parse(until)) : null;
  });
  /** "at Depot North since 08:31": the open visit, whatever the status. */
  protected readonly atPlace = computed(() => {
    const place = this.driver()?.currentPlace;
    return place ? { name: place.name, since: formatClock(Date.parse(place.since)), iso: place.since } : null;
  });
  protected readonly ago = formatAgo;
  protected readonly speed = formatSpeed;
  protected readonly heading = formatHeading;
  protected readonly accuracy = formatAccuracy;
  protected readonly coordinates = formatCoordinates;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.view.selectedId.set(id);
        this.view.following.set(false);
        this.missing.set(false);
      });
    });
    // a deep link to a driver the fleet does not list (yet): ask the API once
    effect(() => {
      if (this.live.loaded() && !this.driver()) untracked(() => void this.lookUp(this.id()));
    });
    effect(() => this.title.setTitle(`${this.driver()?.name ?? 'Driver'} · Convoy`));
    inject(DestroyRef).onDestroy(() => {
      this.view.selectedId.set(null);
      this.view.following.set(false);
    });
  }

  protected close(): void {
    void this.router.navigate(['/']);
  }

  protected async confirmDelete(): Promise<void> {
    const id = this.id();
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await this.api.delete(id);
      this.live.applyLocally({ type: 'deleted', driverId: id });
      this.deleteOpen.set(false);
      await this.router.navigate(['/']);
    } catch (error) {
      this.deleteError.set(serverMessage(error) ?? 'Could not delete the driver. Try again.');
    } finally {
      this.deleting.set(false);
    }
  }

  protected async confirmErase(confirmName: string): Promise<void> {
    const id = this.id();
    this.erasing.set(true);
    this.eraseError.set(null);
    try {
      const erased = await this.api.erase(id, confirmName);
      this.live.applyLocally({ type: 'upsert', driver: erased });
      this.eraseOpen.set(false);
    } catch (error) {
      this.eraseError.set(serverMessage(error) ?? 'Could not erase the driver’s data. Try again.');
    } finally {
      this.erasing.set(false);
    }
  }

  protected cancelErase(): void {
    this.eraseOpen.set(false);
    this.eraseError.set(null);
  }

  protected cancelDelete(): void {
    this.deleteOpen.set(false);
    this.deleteError.set(null);
  }

  private lookingUp: string | null = null;

  private async lookUp(id: string): Promise<void> {
    if (this.lookingUp === id) return;
    this.lookingUp = id;
    try {
      const driver = await this.api.get(id);
      this.live.applyLocally({ type: 'upsert', driver });
    } catch (error) {
      const status = errorStatus(error);
      if (status === 404 || status === 400) this.missing.set(true);
    }
  }
}
