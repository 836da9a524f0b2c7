import { Injectable } from '@nestjs/common';
import type { StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { PlacesService, type PlaceIndex } from '@convoy/server/places';
import type { ReportRange } from './report-range';
import { ReportPositionsRepository } from './report-positions.repository';
import { PreparedSummaries } from './prepared/prepared-summaries';
import { driverNotFound } from './reports.errors';
import { mapInOrderBounded } from './summary/in-order-bounded';
import { summaryRow } from './summary/summary-row';
import type { PositionTrack } from './trips/position-track';
import { detectTripsAndStops } from './trips/trip-detector';
import type { TripRules } from './trips/trip-rules';

export interface DriverReport {
  trips: TripDto[];
  stops: StopDto[];
  positions: PositionTrack;
  placeNames: Map<string, string>;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Drivers whose points the summary reads at once: 3 pooled connections of the pool's 10 (ingest keeps
 * the rest), enough to keep Postgres and Node both busy on 2 cores (docs/architecture.md "Reports").
 */
export const SUMMARY_DRIVERS_IN_FLIGHT = 3;

@Injectable()
export class ReportsService {
  constructor(
    private readonly config: AppConfig,
    private readonly history: ReportPositionsRepository,
    private readonly places: PlacesService,
    private readonly prepared: PreparedSummaries,
  ) {}

  get rules(): TripRules {
    const { minimalParkingDurationS, minimalTripDistanceM, minimalTripDurationS, minimalNoDataDurationS, movingSpeedKmh } = this.config.reports;
    return { minimalParkingDurationS, minimalTripDistanceM, minimalTripDurationS, minimalNoDataDurationS, movingSpeedKmh };
  }

  async driverReport(driverId: string, range: ReportRange): Promise<DriverReport> {
    const [driver] = await this.history.drivers(driverId);
    if (!driver) throw driverNotFound();
    const [index, names] = await Promise.all([this.places.index(), this.places.names()]);
    return this.compute(driverId, await this.history.positions(driverId, range.from, range.to), index, names);
  }

  /**
   * Per driver, their totals over the range. Whole closed days answer from the rows kept in
   * `PreparedSummaries` where still valid; the other drivers (or every driver, for a range still being
   * written) are computed from their points, and kept when the range allows it.
   */
  async summary(range: ReportRange, driverId?: string): Promise<SummaryRowDto[]> {
    return (await this.summaryComputing(range, driverId)).rows;
  }

  /** Makes sure every driver's row of `range` is kept (when the range is one to keep); returns how many were computed. */
  async prepare(range: ReportRange): Promise<number> {
    return (await this.summaryComputing(range)).computed;
  }

  private async summaryComputing(range: ReportRange, driverId?: string): Promise<{ rows: SummaryRowDto[]; computed: number }> {
    const drivers = await this.history.drivers(driverId);
    if (driverId && drivers.length === 0) throw driverNotFound();
    const rules = this.rules;
    const prepared = await this.prepared.lookup(range, rules, driverId ? [driverId] : undefined);
    const computed: SummaryRowDto[] = [];
    // a few drivers in flight: Postgres packs the next while Node runs the detector on this one;
    // each driver's points are dropped once its row is made (flat memory for any fleet size)
    const rows = await mapInOrderBounded(drivers, SUMMARY_DRIVERS_IN_FLIGHT, async (driver) => {
      const kept = driver.erased ? undefined : prepared?.rows.get(driver.id);
      if (kept) {
        const { driverId: id, ...totals } = kept;
        return { driverId: id, driverName: driver.name, ...totals }; // the computed row's key order
      }
      const row = summaryRow(driver, await this.history.positions(driver.id, range.from, range.to), rules);
      if (!driver.erased) computed.push(row);
      return row;
    });
    if (prepared) await this.prepared.store(prepared, computed);
    return { rows, computed: computed.length };
  }

  private compute(driverId: string, positions: PositionTrack, index: PlaceIndex, names: Map<string, string>): DriverReport {
    const { trips, stops } = detectTripsAndStops(positions, this.rules);
    const placeAt = (i: number) => index.containing(positions.lat[i], positions.lon[i])[0]?.id;
    const point = (i: number) => {
      const placeId = placeAt(i);
      return { lat: positions.lat[i], lon: positions.lon[i], ...(placeId ? { placeId } : {}) };
    };
    return {
      positions,
      placeNames: names,
      trips: trips.map((trip) => ({
        driverId,
        startAt: new Date(trip.startAt).toISOString(),
        endAt: new Date(trip.endAt).toISOString(),
        durationS: Math.round(trip.durationS),
        distanceM: Math.round(trip.distanceM),
        avgSpeedKmh: round(trip.avgSpeedKmh),
        maxSpeedKmh: round(trip.maxSpeedKmh),
        start: point(trip.first),
        end: point(trip.last),
      })),
      stops: stops.map((stop) => {
        const placeId = placeAt(stop.at);
        return {
          driverId,
          startAt: new Date(stop.startAt).toISOString(),
          endAt: new Date(stop.endAt).toISOString(),
          durationS: Math.round(stop.durationS),
          lat: positions.lat[stop.at],
          lon: positions.lon[stop.at],
          ...(placeId ? { placeId, placeName: names.get(placeId) } : {}),
        };
      }),
    };
  }
}
