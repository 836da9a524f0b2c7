import { HttpException, HttpStatus, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import type { JoinChannel, LocationReport, PositionSource } from '@convoy/contracts';
import { InvalidLocationError, TrackingService, UnknownDriverError } from '@convoy/server/tracking';
import { SharingService } from '../sharing.service';
import { DevicesService } from './devices.service';
import { ADDRESS_BURST, ADDRESS_RATE_PER_S, DEVICE_BURST, DEVICE_RATE_PER_S, RateLimiter } from './rate-limiter';

export enum DeviceErrorCode {
  UnknownDevice = 'DEVICE_UNKNOWN',
  RateLimited = 'RATE_LIMITED',
  InvalidPoint = 'INVALID_POINT',
}

/** A point as a device channel decoded it (before the driver is known). */
export type DevicePoint = Omit<LocationReport, 'driverId' | 'source' | 'telegramUpdateId' | 'telegramUserId'>;

/**
 * The one way in for device channels (the browser page, OsmAnd/Traccar Client, OwnTracks): rate
 * limits per key and per address, the key's driver, then every point through TrackingService.ingest
 * — answered after the commit. Points of one request go in time order into the same group commit.
 */
@Injectable()
export class DeviceIngestService {
  private readonly logger = new Logger(DeviceIngestService.name);
  private readonly byKey = new RateLimiter(DEVICE_BURST, DEVICE_RATE_PER_S);
  /** Generous: many phones share one carrier (CGNAT) or depot address. */
  private readonly byAddress = new RateLimiter(ADDRESS_BURST, ADDRESS_RATE_PER_S);

  constructor(
    private readonly devices: DevicesService,
    private readonly tracking: TrackingService,
    private readonly sharing: SharingService,
  ) {}

  /** 429 with Retry-After above the limits (per address, per key); call before any work. */
  limit(deviceKey: string | null, address: string, reply: { header(name: string, value: string): unknown }): void {
    const wait = Math.max(this.byAddress.take(address), deviceKey ? this.byKey.take(deviceKey) : 0);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', code: DeviceErrorCode.RateLimited, message: `Too many requests, retry in ${wait} s` },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** The driver of a key, or 401 (unknown or revoked key: nothing is stored). */
  async driverOf(deviceKey: string | null): Promise<{ driverId: string; channel: JoinChannel }> {
    const device = await this.devices.authenticate(deviceKey);
    if (!device) {
      this.logger.warn('Refused points from an unknown or disconnected device key');
      throw unknownDevice();
    }
    return device;
  }

  /**
   * Stores the points; resolves after they are committed. Returns how many were accepted (stored, or
   * stored before: a resend). Invalid points are never stored; when none is valid the answer is 400
   * (a batch with some valid points is accepted, so one bad point cannot block an app's queue).
   */
  async ingest(deviceKey: string | null, source: PositionSource, points: DevicePoint[]): Promise<number> {
    const { driverId, channel } = await this.driverOf(deviceKey);
    const ordered = [...points].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    const results = await Promise.allSettled(ordered.map((point) => this.tracking.ingest({ ...point, driverId, source })));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (failures.some((error) => error instanceof UnknownDriverError)) throw unknownDevice(); // deleted meanwhile
    const other = failures.find((error) => !(error instanceof InvalidLocationError));
    if (other) throw other;
    const accepted = results.length - failures.length;
    if (accepted === 0 && failures.length > 0) {
      throw new HttpException(
        {
          statusCode: 400,
          error: 'Bad Request',
          code: DeviceErrorCode.InvalidPoint,
          message: `Point refused: ${(failures[0] as InvalidLocationError).reason}`,
        },
        HttpStatus.BAD_REQUEST,
      );
    }
    // the browser page is a session (it ends with Stop); a GPS app goes stale/offline by the status rule
    if (channel === 'browser' && accepted > 0) await this.sharing.recordCheckIn(driverId, ordered[0].recordedAt, 'browser');
    return accepted;
  }

  /** The browser page's Stop: sharing ended, like Telegram's. */
  async stop(deviceKey: string | null): Promise<void> {
    const { driverId } = await this.driverOf(deviceKey);
    await this.sharing.endSharing(driverId, new Date(), 'stopped');
  }
}

function unknownDevice(): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'Unauthorized',
    code: DeviceErrorCode.UnknownDevice,
    message: 'Unknown or disconnected device: ask your dispatcher for a new link',
  });
}
