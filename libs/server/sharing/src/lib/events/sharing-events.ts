import type { DriverChannel, EventDriverRef, NewConvoyEvent, SharingEndReason } from '@convoy/contracts';
import type { DriverEntity } from '@convoy/server/tracking';

/**
 * The events of the sharing lib (issue #10), built from the driver row as it is in the transaction
 * that changes it: the caller appends them with `appendEvents` before that transaction commits.
 */
type DriverFacts = Pick<DriverEntity, 'id' | 'name' | 'channel'>;

export function driverRef(driver: Pick<DriverEntity, 'id' | 'name'>): EventDriverRef {
  return { id: driver.id, name: driver.name };
}

/** A link was redeemed: the driver is bound to a channel (first time, or back after leaving). */
export function driverJoined(driver: DriverFacts, channel: DriverChannel, at: Date): NewConvoyEvent<'driver.joined'> {
  return { type: 'driver.joined', occurredAt: at, driverId: driver.id, data: { driver: driverRef(driver), channel } };
}

/** Not sharing → sharing (a live location, a first check-in, the browser page's first point). */
export function sharingStarted(
  driver: DriverFacts,
  fallbackChannel: DriverChannel,
  liveUntil: Date | null,
  at: Date,
): NewConvoyEvent<'driver.sharing_started'> {
  return {
    type: 'driver.sharing_started',
    occurredAt: at,
    driverId: driver.id,
    data: { driver: driverRef(driver), channel: driver.channel ?? fallbackChannel, liveUntil: liveUntil?.toISOString() ?? null },
  };
}

/** Sharing → not sharing, and why. */
export function sharingEnded(driver: DriverFacts, reason: SharingEndReason, at: Date): NewConvoyEvent<'driver.sharing_ended'> {
  return {
    type: 'driver.sharing_ended',
    occurredAt: at,
    driverId: driver.id,
    data: { driver: driverRef(driver), channel: driver.channel, reason },
  };
}
