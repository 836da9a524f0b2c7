import { InjectionToken } from '@angular/core';
import { LIVE_FEEDS, LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents, type NotificationDto } from '@convoy/contracts';
import { io, type Socket } from 'socket.io-client';
import { RECONNECT } from '../core/live/socket-io-channel';

export interface NotificationsChannelHandlers {
  /** Connected, or reconnected after a gap: re-read the inbox (entries may have come meanwhile). */
  connected(): void;
  notifications(entries: NotificationDto[]): void;
}

export interface NotificationsChannel {
  close(): void;
}

export type NotificationsChannelFactory = (handlers: NotificationsChannelHandlers) => NotificationsChannel;

/**
 * The shell's own `/live` socket, for the `notifications` event on every page (the fleet page's
 * LiveStore socket lives only while the map is open). It asks for the `notifications` feed only, so
 * it carries none of the fleet's traffic (no snapshot, no positions) beside the map's socket. It
 * reconnects with the same back-off; a refused handshake is left to the fleet page and the HTTP
 * interceptor, which sign out on a real 401.
 */
export function openNotificationsSocket(handlers: NotificationsChannelHandlers): NotificationsChannel {
  const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(LIVE_NAMESPACE, {
    transports: ['websocket'],
    withCredentials: true,
    forceNew: true,
    auth: { feed: LIVE_FEEDS.notifications },
    reconnection: true,
    reconnectionDelay: RECONNECT.delayMs,
    reconnectionDelayMax: RECONNECT.maxDelayMs,
    randomizationFactor: RECONNECT.randomization,
  });
  socket.on('connect', () => handlers.connected());
  socket.on('notifications', (entries) => handlers.notifications(entries));
  return {
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

/** Socket.IO by default; unit tests provide a fake. */
export const NOTIFICATIONS_CHANNEL = new InjectionToken<NotificationsChannelFactory>('NOTIFICATIONS_CHANNEL', {
  providedIn: 'root',
  factory: () => openNotificationsSocket,
});
