import { Injectable } from '@nestjs/common';
import type { StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { PlacesService, type PlaceIndex } from '@convoy/server/places';
import type { ReportRange } from './report-range';
import { ReportPositionsRepository } from './report-positions.repository';
import { driverNotFound } from './reports.errors';
import { detectTripsAndStops, type ReportPosition } from './trips/trip-detector';
import type { TripRules } from './trips/trip-rules';

export interface DriverReport {
  trips: TripDto[];
  stops: StopDto[];
  positions: ReportPosition[];
  placeNames: Map<string, string>;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

@Injectable()
export class ReportsService {
  constructor(
    private readonly config: AppConfig,
    private readonly history: ReportPositionsRepository,
    private readonly places: PlacesService,
  ) {}

  get rules(): TripRules {
    return this.config.reports;
  }

  async driverReport(driverId: string, range: ReportRange): Promise<DriverReport> {
    const [driver] = await this.history.drivers(driverId);
    if (!driver) throw driverNotFound();
    const [index, names] = await Promise.all([this.places.index(), this.places.names()]);
    return this.compute(driverId, await this.history.positions(driverId, range.from, range.to), index, names);
  }

  async summary(range: ReportRange, driverId?: string): Promise<SummaryRowDto[]> {
    const drivers = await this.history.drivers(driverId);
    if (driverId && drivers.length === 0) throw driverNotFound();
    const rows: SummaryRowDto[] = [];
    for (const driver of drivers) {
      // totals straight from the detector's segments: no trip/stop DTOs, no place lookups. Each figure
      // is rounded per trip/stop first, as the trips and stops reports show it, so they add up.
      const positions = await this.history.positions(driver.id, range.from, range.to);
      const { trips, stops } = detectTripsAndStops(positions, this.rules);
      let distanceM = 0;
      let drivingS = 0;
      let maxSpeedKmh = 0;
      for (const trip of trips) {
        distanceM += Math.round(trip.distanceM);
        drivingS += Math.round(trip.durationS);
        maxSpeedKmh = Math.max(maxSpeedKmh, round(trip.maxSpeedKmh));
      }
      let stoppedS = 0;
      for (const stop of stops) stoppedS += Math.round(stop.durationS);
      rows.push({
        driverId: driver.id,
        driverName: driver.name,
        distanceM: Math.round(distanceM),
        drivingS,
        stoppedS,
        trips: trips.length,
        stops: stops.length,
        maxSpeedKmh: round(maxSpeedKmh),
        firstPositionAt: positions.length ? new Date(positions[0].t).toISOString() : null,
        lastPositionAt: positions.length ? new Date(positions[positions.length - 1].t).toISOString() : null,
      });
    }
    return rows;
  }

  private compute(driverId: string, positions: ReportPosition[], index: PlaceIndex, names: Map<string, string>): DriverReport {
    const { trips, stops } = detectTripsAndStops(positions, this.rules);
    const placeAt = (i: number) => index.containing(positions[i].lat, positions[i].lon)[0]?.id;
    const point = (i: number) => {
      const placeId = placeAt(i);
      return { lat: positions[i].lat, lon: positions[i].lon, ...(placeId ? { placeId } : {}) };
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
          lat: positions[stop.at].lat,
          lon: positions[stop.at].lon,
          ...(placeId ? { placeId, placeName: names.get(placeId) } : {}),
        };
      }),
    };
  }
}
