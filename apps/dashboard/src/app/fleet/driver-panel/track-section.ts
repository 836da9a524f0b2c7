import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import type { PositionDto, PositionExportFormat, PositionHistoryDto } from '@convoy/contracts';
import { errorStatus, serverMessage } from '../../core/http/api-error';
import { DriversApi, positionsUrl } from '../../core/live/drivers-api';
import { FleetViewState } from '../fleet-view.state';
import { formatDistance, formatTime } from '../format';
import { MapController } from '../map-controller';
import { PLAYBACK_SPEEDS, TrackPlayback, trackLength } from './track-playback';
import { type DayRange, rangeProblem, rangeTimes, toDateInput, todayRange } from './track-range';

const EXPORTS: ReadonlyArray<{ format: PositionExportFormat; label: string }> = [
  { format: 'csv', label: 'CSV' },
  { format: 'gpx', label: 'GPX' },
  { format: 'geojson', label: 'GeoJSON' },
];

/**
 * A driver's recorded track for a range of days (today by default): loaded from the API, drawn on the
 * map, replayed with a time slider, exported as CSV, GPX or GeoJSON. While the range includes now,
 * new live positions are appended as they arrive.
 */
@Component({
  selector: 'cv-track-section',
  templateUrl: './track-section.html',
  styleUrl: './track-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrackSection {
  readonly driverId = input.required<string>();
  /** The driver's latest position, to extend a track that reaches the present. */
  readonly latest = input<PositionDto | null>(null);

  private readonly api = inject(DriversApi);
  private readonly view = inject(FleetViewState);
  protected readonly map = inject(MapController);

  protected readonly range = signal<DayRange>(todayRange());
  protected readonly today = toDateInput(new Date());
  protected readonly problem = computed(() => rangeProblem(this.range()));
  private readonly history = signal<PositionHistoryDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);

  /** The loaded track, plus live positions that arrived after it (when the range reaches now). */
  protected readonly points = computed<readonly PositionDto[]>(() => {
    const history = this.history();
    if (!history) return [];
    const latest = this.latest();
    const last = history.positions.at(-1);
    const to = Date.parse(history.to);
    if (!latest || Date.parse(latest.recordedAt) > to) return history.positions;
    if (last && Date.parse(latest.recordedAt) <= Date.parse(last.recordedAt)) return history.positions;
    return [...history.positions, latest];
  });
  protected readonly downsampled = computed(() => this.history()?.downsampled ?? false);
  protected readonly total = computed(() => this.history()?.total ?? 0);
  protected readonly distance = computed(() => formatDistance(trackLength(this.points())));
  protected readonly playback = new TrackPlayback(this.points);
  protected readonly speeds = PLAYBACK_SPEEDS;
  protected readonly exports = EXPORTS;
  protected readonly time = formatTime;

  private loadToken = 0;

  constructor() {
    effect(() => {
      const id = this.driverId();
      const range = this.range();
      untracked(() => void this.load(id, range));
    });
    effect(() => this.view.track.set(this.points().length ? this.points() : null));
    effect(() => this.view.playback.set(this.playback.playable() ? this.playback.point() : null));
    inject(DestroyRef).onDestroy(() => {
      this.playback.pause();
      this.view.track.set(null);
      this.view.playback.set(null);
    });
  }

  protected exportUrl(format: PositionExportFormat): string {
    return positionsUrl(this.driverId(), rangeTimes(this.range()), format);
  }

  protected setFrom(event: Event): void {
    const from = (event.target as HTMLInputElement).value;
    this.range.update((range) => ({ from, to: range.to < from ? from : range.to }));
  }

  protected setTo(event: Event): void {
    const to = (event.target as HTMLInputElement).value;
    this.range.update((range) => ({ from: range.from > to ? to : range.from, to }));
  }

  protected showToday(): void {
    this.range.set(todayRange());
  }

  protected onSlider(event: Event): void {
    this.playback.seek(this.playback.start() + Number((event.target as HTMLInputElement).value) * 1000);
  }

  protected onSpeed(event: Event): void {
    this.playback.speed.set(Number((event.target as HTMLSelectElement).value));
  }

  private async load(driverId: string, range: DayRange): Promise<void> {
    const token = ++this.loadToken;
    this.playback.reset();
    if (rangeProblem(range)) {
      this.history.set(null);
      return;
    }
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const history = await this.api.history(driverId, rangeTimes(range));
      if (token === this.loadToken) this.history.set(history);
    } catch (error) {
      if (token !== this.loadToken) return;
      this.history.set(null);
      this.loadError.set(
        errorStatus(error) === 404 ? 'This driver no longer exists.' : (serverMessage(error) ?? 'Could not load the track.'),
      );
    } finally {
      if (token === this.loadToken) this.loading.set(false);
    }
  }
}
