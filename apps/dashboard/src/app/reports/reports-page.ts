import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { DriverDto, PositionDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { actionErrorMessage } from '../core/http/api-error';
import { DriversApi } from '../core/live/drivers-api';
import { formatDistance, formatDuration, timeline, type TimelineEntry } from './report-timeline';
import { reportUrl, ReportsApi, type ReportDays } from './reports-api';
import { TripMap } from './trip-map';

/** Today as `YYYY-MM-DD` in the browser's zone. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * `/reports`: distance, driving and stopped time per driver for a range of days; a driver's day as a
 * timeline of trips and stops (stops name their place); a trip opened on the map. Prints cleanly and
 * downloads as CSV (the server's own CSV, with times in the fleet's time zone).
 */
@Component({
  selector: 'cv-reports-page',
  imports: [FormsModule, DatePipe, TripMap],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly api = inject(ReportsApi);
  private readonly driversApi = inject(DriversApi);

  protected readonly formatDistance = formatDistance;
  protected readonly formatDuration = formatDuration;

  protected readonly from = signal(today());
  protected readonly to = signal(today());
  protected readonly drivers = signal<DriverDto[]>([]);
  /** Empty: every driver. */
  protected readonly picked = signal<ReadonlySet<string>>(new Set());
  protected readonly summary = signal<SummaryRowDto[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly driverId = signal<string | null>(null);
  protected readonly entries = signal<TimelineEntry[] | null>(null);
  protected readonly openTrip = signal<TripDto | null>(null);
  protected readonly tripTrack = signal<PositionDto[] | null>(null);

  /** The range the shown report was made for (the inputs may have changed since). */
  private readonly shownDays = signal<ReportDays | null>(null);

  protected readonly rows = computed(() => {
    const picked = this.picked();
    const rows = this.summary() ?? [];
    return picked.size === 0 ? rows : rows.filter((r) => picked.has(r.driverId));
  });
  protected readonly selectedRow = computed(() => this.rows().find((r) => r.driverId === this.driverId()) ?? null);
  protected readonly summaryCsv = computed(() => {
    const days = this.shownDays();
    return days ? reportUrl('summary', days, undefined, 'csv') : null;
  });
  protected readonly driverCsv = computed(() => {
    const days = this.shownDays();
    const id = this.driverId();
    return days && id ? { trips: reportUrl('trips', days, id, 'csv'), stops: reportUrl('stops', days, id, 'csv') } : null;
  });

  constructor() {
    void this.driversApi.list().then((drivers) => this.drivers.set(drivers.sort((a, b) => a.name.localeCompare(b.name))));
    void this.run();
  }

  protected toggleDriver(id: string, on: boolean): void {
    this.picked.update((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected async run(): Promise<void> {
    const days = { from: this.from(), to: this.to() < this.from() ? this.from() : this.to() };
    this.loading.set(true);
    this.error.set(null);
    this.driverId.set(null);
    this.entries.set(null);
    this.closeTrip();
    try {
      this.summary.set(await this.api.summary(days));
      this.shownDays.set(days);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not make the report'));
    } finally {
      this.loading.set(false);
    }
  }

  protected async openDriver(row: SummaryRowDto): Promise<void> {
    const days = this.shownDays();
    if (!days) return;
    this.driverId.set(row.driverId);
    this.entries.set(null);
    this.closeTrip();
    try {
      const [trips, stops] = await Promise.all([this.api.trips(row.driverId, days), this.api.stops(row.driverId, days)]);
      if (this.driverId() === row.driverId) this.entries.set(timeline(trips, stops));
    } catch (error) {
      this.error.set(actionErrorMessage(error, `Could not load ${row.driverName}'s trips`));
    }
  }

  protected async showTrip(trip: TripDto): Promise<void> {
    this.openTrip.set(trip);
    this.tripTrack.set(null);
    try {
      const history = await this.driversApi.history(trip.driverId, { from: new Date(trip.startAt), to: new Date(Date.parse(trip.endAt) + 1000) });
      if (this.openTrip() === trip) this.tripTrack.set(history.positions);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not load the track'));
    }
  }

  protected closeTrip(): void {
    this.openTrip.set(null);
    this.tripTrack.set(null);
  }

  protected print(): void {
    window.print();
  }
}
