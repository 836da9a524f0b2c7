import { InjectionToken } from '@angular/core';
import type { DriverChange, DriverDto, LiveRevocationReason, PositionDto, VisitChange } from '@convoy/contracts';
import { openSocketIoChannel } from './socket-io-channel';

/** What the live feed tells its owner. */
export interface LiveChannelHandlers {
  connected(): void;
  /** The connection dropped; socket.io reconnects by itself unless `willRetry` is false. */
  disconnected(willRetry: boolean): void;
  /** The server refused the handshake (`connect_error` from its middleware): no automatic retry. */
  refused(message: string): void;
  /** The server is closing the feed because the credential ended (sign-out, account disabled, …). */
  revoked(reason: LiveRevocationReason): void;
  /** socket.io is about to try again (1, 2, 3, …). */
  reconnecting(attempt: number): void;
  snapshot(drivers: DriverDto[]): void;
  positions(batch: PositionDto[]): void;
  driver(change: DriverChange): void;
  /** Arrivals and departures as they were committed (issue #9). */
  visits(changes: VisitChange[]): void;
}

/** An open feed: `reconnect()` tries at once (after a refusal, or to skip the back-off wait). */
export interface LiveChannel {
  reconnect(): void;
  close(): void;
}

export type LiveChannelFactory = (handlers: LiveChannelHandlers) => LiveChannel;

/** Socket.IO `/live` on this origin by default; tests provide a fake. */
export const LIVE_CHANNEL = new InjectionToken<LiveChannelFactory>('LIVE_CHANNEL', {
  providedIn: 'root',
  factory: () => openSocketIoChannel,
});
