import type { LocationReport } from '@convoy/contracts';

/** How far in the future a device clock may be before a point is refused (phones drift; issue #13). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export enum InvalidLocationReason {
  Coordinates = 'coordinates',
  Accuracy = 'accuracy',
  Heading = 'heading',
  Speed = 'speed',
  Battery = 'battery',
  Altitude = 'altitude',
  Timestamp = 'timestamp',
}

/** A location that must not be stored; `reason` lets the bot pick a polite reply. */
export class InvalidLocationError extends Error {
  override name = 'InvalidLocationError';
  constructor(
    readonly reason: InvalidLocationReason,
    detail: string,
  ) {
    super(detail);
  }
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const absent = (value: unknown) => value === null || value === undefined;

/**
 * Latitude −90…90, longitude −180…180, accuracy 0…1500 m (Bot API; GPS apps' larger radii are capped
 * by their decoders), heading 0…360° (0 and 360 = north: GPS apps send 0–359, Telegram 1–360),
 * speed 0…350 m/s, battery 0…100 %. A timestamp more than MAX_CLOCK_SKEW_MS ahead of the server clock
 * is refused too.
 */
export function assertValidLocation(report: LocationReport, now: Date): void {
  const { latitude, longitude, accuracy, heading, speed, battery, altitude, recordedAt } = report;
  if (!finite(latitude) || !finite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new InvalidLocationError(InvalidLocationReason.Coordinates, `coordinates out of range: ${latitude}, ${longitude}`);
  }
  if (!absent(accuracy) && (!finite(accuracy) || accuracy < 0 || accuracy > 1500)) {
    throw new InvalidLocationError(InvalidLocationReason.Accuracy, `accuracy out of range: ${accuracy}`);
  }
  if (!absent(heading) && (!finite(heading) || heading < 0 || heading > 360)) {
    throw new InvalidLocationError(InvalidLocationReason.Heading, `heading out of range: ${heading}`);
  }
  if (!absent(speed) && (!finite(speed) || speed < 0 || speed > 350)) {
    throw new InvalidLocationError(InvalidLocationReason.Speed, `speed out of range: ${speed}`);
  }
  if (!absent(battery) && (!finite(battery) || battery < 0 || battery > 100)) {
    throw new InvalidLocationError(InvalidLocationReason.Battery, `battery out of range: ${battery}`);
  }
  if (!absent(altitude) && (!finite(altitude) || Math.abs(altitude) > 100_000)) {
    throw new InvalidLocationError(InvalidLocationReason.Altitude, `altitude out of range: ${altitude}`);
  }
  if (!(recordedAt instanceof Date) || Number.isNaN(recordedAt.getTime())) {
    throw new InvalidLocationError(InvalidLocationReason.Timestamp, 'missing timestamp');
  }
  if (recordedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new InvalidLocationError(InvalidLocationReason.Timestamp, `timestamp in the future: ${recordedAt.toISOString()}`);
  }
}
