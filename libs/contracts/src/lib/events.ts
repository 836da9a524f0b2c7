import type { DriverChannel } from './join';
import type { PlaceKind } from './places';

/**
 * One stream of what happened (issue #10). Every event is written to the `events` outbox table in the
 * same transaction as what caused it; alerts, webhooks and the live feed are fed from there.
 */
export const CONVOY_EVENT_TYPES = [
  'driver.joined',
  'driver.sharing_started',
  'driver.sharing_ended',
  'driver.went_quiet',
  'driver.back',
  'visit.arrived',
  'visit.departed',
  'driver.speeding',
  'message.received',
  'message.delivered',
] as const;
export type ConvoyEventType = (typeof CONVOY_EVENT_TYPES)[number];

/** The driver an event is about, as it was when the event happened. */
export interface EventDriverRef {
  id: string;
  name: string;
}

export interface EventPlaceRef {
  id: string;
  name: string;
  kind: PlaceKind;
}

export interface EventPoint {
  lat: number;
  lon: number;
}

/** Why a sharing session ended. */
export const SHARING_END_REASONS = ['stopped', 'expired', 'device-disconnected', 'erased'] as const;
export type SharingEndReason = (typeof SHARING_END_REASONS)[number];

/** The facts of each event type. */
export interface ConvoyEventData {
  'driver.joined': { driver: EventDriverRef; channel: DriverChannel };
  'driver.sharing_started': { driver: EventDriverRef; channel: DriverChannel; liveUntil: string | null };
  'driver.sharing_ended': { driver: EventDriverRef; channel: DriverChannel | null; reason: SharingEndReason };
  /** Sharing, but no position for `quietMinutes` (QUIET_AFTER_MINUTES, default 10). */
  'driver.went_quiet': { driver: EventDriverRef; lastPositionAt: string | null; quietMinutes: number };
  /** The first position after `driver.went_quiet`. */
  'driver.back': { driver: EventDriverRef; quietSeconds: number; position: EventPoint };
  'visit.arrived': { driver: EventDriverRef; place: EventPlaceRef; visitId: string; arrivedAt: string; position: EventPoint };
  'visit.departed': {
    driver: EventDriverRef;
    place: EventPlaceRef;
    visitId: string;
    arrivedAt: string;
    departedAt: string;
    dwellSeconds: number;
  };
  /** Over `thresholdKmh` (SPEEDING_KMH) for at least 30 s; `maxSpeedKmh` is the highest speed in that span. */
  'driver.speeding': {
    driver: EventDriverRef;
    speedKmh: number;
    maxSpeedKmh: number;
    thresholdKmh: number;
    since: string;
    position: EventPoint;
  };
  /** A driver's reply (text, or a quick-reply button: `quickReply` is its label). */
  'message.received': { driver: EventDriverRef; messageId: string; text: string; quickReply: string | null };
  /** A dispatcher's message was accepted by the driver's channel (Bot API answered ok). */
  'message.delivered': { driver: EventDriverRef; messageId: string; text: string; sentBy: { id: string; name: string } | null };
}

/** An event as stored and as sent (webhooks wrap it as `{type, timestamp, data}`). */
export type ConvoyEvent<T extends ConvoyEventType = ConvoyEventType> = {
  [K in T]: {
    /** uuid; the Standard Webhooks `webhook-id`, the dedupe key of every alert. */
    id: string;
    type: K;
    /** When it happened (a visit: the arrival/departure time of the point), ISO 8601. */
    occurredAt: string;
    driverId: string | null;
    data: ConvoyEventData[K];
  };
}[T];

/** What a producer hands to the outbox (id and time are given by the outbox unless set). */
export type NewConvoyEvent<T extends ConvoyEventType = ConvoyEventType> = {
  [K in T]: { type: K; occurredAt?: Date; driverId: string | null; data: ConvoyEventData[K] };
}[T];
