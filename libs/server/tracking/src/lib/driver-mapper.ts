import { driverStatusAt, type DriverDto, type PositionDto } from '@convoy/contracts';
import type { DriverEntity } from './entities/driver.entity';
import type { PositionEntity } from './entities/position.entity';
import type { PositionRow } from './ingest/position-row';

export function toDriverDto(driver: DriverEntity, now: Date, liveWithinMs: number): DriverDto {
  const status = driverStatusAt(
    {
      lastSeenMs: driver.lastRecordedAt?.getTime() ?? null,
      sharingSinceMs: driver.sharingSince?.getTime() ?? null,
      sharingEndedAtMs: driver.sharingEndedAt?.getTime() ?? null,
      liveUntilMs: driver.liveUntil?.getTime() ?? null,
    },
    now.getTime(),
    liveWithinMs,
  );
  return {
    id: driver.id,
    name: driver.name,
    status,
    channel: driver.channel,
    telegram:
      driver.telegramUserId === null
        ? null
        : {
            userId: driver.telegramUserId,
            username: driver.telegramUsername,
            firstName: driver.telegramFirstName,
            lastName: driver.telegramLastName,
            languageCode: driver.languageCode,
          },
    lastPosition:
      driver.lastRecordedAt === null || driver.lastLatitude === null || driver.lastLongitude === null
        ? null
        : {
            driverId: driver.id,
            latitude: driver.lastLatitude,
            longitude: driver.lastLongitude,
            accuracy: driver.lastAccuracy,
            heading: driver.lastHeading,
            speed: driver.lastSpeed,
            recordedAt: driver.lastRecordedAt.toISOString(),
            source: driver.lastSource ?? 'telegram-live',
            battery: driver.lastBattery,
            altitude: driver.lastAltitude,
          },
    liveUntil: driver.liveUntil?.toISOString() ?? null,
    sharingSince: driver.sharingSince?.toISOString() ?? null,
    sharingEndedAt: driver.sharingEndedAt?.toISOString() ?? null,
    demo: driver.demo,
    createdAt: driver.createdAt.toISOString(),
    erasedAt: driver.erasedAt?.toISOString() ?? null,
    erasedBy: driver.erasedBy ?? null,
    currentPlace: driver.currentPlace ?? null,
    unreadMessages: 0, // wired by messages (issue #10)
  };
}

export function rowToPositionDto(
  row:
    | (Omit<PositionRow, 'persist' | 'telegramUpdateId' | 'telegramUserId' | 'receivedAt' | 'battery' | 'altitude'> &
        Partial<Pick<PositionRow, 'battery' | 'altitude'>>)
    | PositionEntity,
): PositionDto {
  return {
    driverId: row.driverId,
    latitude: row.latitude,
    longitude: row.longitude,
    accuracy: row.accuracy,
    heading: row.heading,
    speed: row.speed,
    recordedAt: row.recordedAt.toISOString(),
    source: row.source,
    battery: row.battery ?? null,
    altitude: row.altitude ?? null,
  };
}
