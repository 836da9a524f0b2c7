import type { DriverDto, PositionDto } from '@convoy/contracts';

/** Builders for unit tests of the live layer (no Angular, no randomness). */
export function positionAt(driverId: string, at: number | Date, latitude = 50, longitude = 14): PositionDto {
  return {
    driverId,
    latitude,
    longitude,
    accuracy: 10,
    heading: 90,
    speed: 12,
    recordedAt: new Date(at).toISOString(),
    source: 'telegram-live',
  };
}

export function driverDto(id: string, overrides: Partial<DriverDto> = {}): DriverDto {
  return {
    id,
    name: `Driver ${id}`,
    status: 'offline',
    channel: null,
    telegram: null,
    lastPosition: null,
    liveUntil: null,
    sharingSince: null,
    sharingEndedAt: null,
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    erasedAt: null,
    erasedBy: null,
    currentPlace: null,
    unreadMessages: 0,
    ...overrides,
  };
}
