import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LocationReport, PositionDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { ConvoyMetrics } from '@convoy/server/metrics';
import { map, type Observable } from 'rxjs';
import { Repository } from 'typeorm';
import { rowToPositionDto } from './driver-mapper';
import { DriverEntity } from './entities/driver.entity';
import { deriveSpeed } from './ingest/derive-speed';
import { assertValidLocation } from './ingest/location-validation';
import type { PositionRow, WriteOutcome } from './ingest/position-row';
import { PositionWriter } from './ingest/position-writer';
import { UnknownDriverError } from './tracking.errors';

/** What is kept in memory per driver: the latest fix, and when a point was last stored. */
export interface CommittedPositions {
  positions: PositionDto[];
  /** performance.now() at ingest, per position */
  receivedAt: number[];
}

interface LatestFix {
  latitude: number;
  longitude: number;
  recordedAt: Date;
  lastStoredAt: Date | null;
}

/**
 * The one entry for every location source (Telegram, web, demo fleet): validate, derive speed, thin
 * a live stream to AUTO_TRACK_INTERVAL, and hand the row to the group-commit writer. Resolves after
 * the position is committed.
 */
@Injectable()
export class TrackingService {
  private readonly latest = new Map<string, LatestFix>();
  /** One array per committed write, for the live feed (with when ingest() received each, for metrics). */
  readonly positions$: Observable<CommittedPositions>;

  constructor(
    private readonly writer: PositionWriter,
    private readonly config: AppConfig,
    @InjectRepository(DriverEntity) private readonly drivers: Repository<DriverEntity>,
    private readonly metrics: ConvoyMetrics,
  ) {
    this.positions$ = writer.committed$.pipe(
      map((rows) => ({ positions: rows.map(rowToPositionDto), receivedAt: rows.map((row) => row.receivedAt) })),
    );
  }

  /** Throws InvalidLocationError (nothing stored) or UnknownDriverError. */
  async ingest(report: LocationReport): Promise<WriteOutcome> {
    const receivedAt = performance.now();
    try {
      assertValidLocation(report, new Date());
    } catch (error) {
      this.metrics.positionsIngested.inc({ source: report.source, outcome: 'invalid' });
      throw error;
    }
    const previous = this.latest.get(report.driverId) ?? (await this.loadLatest(report.driverId));
    const isNewest = !previous || report.recordedAt >= previous.recordedAt;
    const row: PositionRow = {
      driverId: report.driverId,
      latitude: report.latitude,
      longitude: report.longitude,
      accuracy: report.accuracy ?? null,
      heading: report.heading ?? null,
      speed: report.speed ?? (isNewest ? deriveSpeed(previous, report) : null),
      battery: report.battery ?? null,
      altitude: report.altitude ?? null,
      recordedAt: report.recordedAt,
      source: report.source,
      telegramUpdateId: report.telegramUpdateId ?? null,
      telegramUserId: report.telegramUserId ?? null,
      persist: this.shouldStore(report, previous, isNewest),
      receivedAt,
    };
    const outcome = await this.writer.write(row);
    this.metrics.positionsIngested.inc({ source: report.source, outcome });
    if (outcome === 'unknown-driver') {
      this.latest.delete(report.driverId);
      throw new UnknownDriverError(
        report.telegramUserId
          ? `driver ${report.driverId} does not exist or is no longer bound to Telegram user ${report.telegramUserId}`
          : `driver ${report.driverId} does not exist`,
      );
    }
    if (outcome !== 'duplicate' && isNewest) {
      this.latest.set(report.driverId, {
        latitude: row.latitude,
        longitude: row.longitude,
        recordedAt: row.recordedAt,
        lastStoredAt: row.persist ? row.recordedAt : (previous?.lastStoredAt ?? null),
      });
    }
    return outcome;
  }

  /** Drops what is cached about a driver (deleted, or data changed elsewhere). */
  forget(driverId: string): void {
    this.latest.delete(driverId);
  }

  /**
   * Every check-in and every late (out-of-order) point is history; a live stream is stored at most
   * once per AUTO_TRACK_INTERVAL, while the latest position still moves with every update.
   */
  private shouldStore(report: LocationReport, previous: LatestFix | undefined, isNewest: boolean): boolean {
    if (report.source !== 'telegram-live' || !isNewest || !previous?.lastStoredAt) return true;
    const interval = this.config.tracking.autoTrackIntervalSeconds * 1000;
    return report.recordedAt.getTime() - previous.lastStoredAt.getTime() >= interval;
  }

  private async loadLatest(driverId: string): Promise<LatestFix | undefined> {
    const driver = await this.drivers.findOne({
      where: { id: driverId },
      select: { id: true, lastLatitude: true, lastLongitude: true, lastRecordedAt: true },
    });
    if (!driver?.lastRecordedAt || driver.lastLatitude === null || driver.lastLongitude === null) return undefined;
    return {
      latitude: driver.lastLatitude,
      longitude: driver.lastLongitude,
      recordedAt: driver.lastRecordedAt,
      lastStoredAt: driver.lastRecordedAt,
    };
  }
}
