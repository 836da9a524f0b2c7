/** The point where a trip starts or ends; `placeId` when it lies inside a place. */
export interface ReportPoint {
  lat: number;
  lon: number;
  placeId?: string;
}

export interface TripDto {
  driverId: string;
  startAt: string;
  endAt: string;
  durationS: number;
  distanceM: number;
  avgSpeedKmh: number;
  maxSpeedKmh: number;
  start: ReportPoint;
  end: ReportPoint;
}

export interface StopDto {
  driverId: string;
  startAt: string;
  endAt: string;
  durationS: number;
  lat: number;
  lon: number;
  placeId?: string;
  /** The place's name, for people reading the report. */
  placeName?: string;
}

/** One driver's totals over a range (`GET /api/reports/summary`). */
export interface SummaryRowDto {
  driverId: string;
  driverName: string;
  distanceM: number;
  drivingS: number;
  stoppedS: number;
  trips: number;
  stops: number;
  maxSpeedKmh: number;
  firstPositionAt: string | null;
  lastPositionAt: string | null;
}

/** The thresholds a report was computed with (defaults from the install's config). */
export interface TripRulesDto {
  minimalParkingDurationS: number;
  minimalTripDistanceM: number;
  minimalTripDurationS: number;
  minimalNoDataDurationS: number;
  /** Speeds at or above this (km/h) count as moving. */
  movingSpeedKmh: number;
}

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
