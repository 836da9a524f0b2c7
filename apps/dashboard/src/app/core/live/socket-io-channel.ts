import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@convoy/contracts';
import { io, type Socket } from 'socket.io-client';
import type { LiveChannel, LiveChannelHandlers } from './live-channel';

/** Reconnection back-off: 1 s doubling to 30 s, each delay randomised by ±50 %. */
export const RECONNECT = { delayMs: 1_000, maxDelayMs: 30_000, randomization: 0.5 } as const;

/**
 * `/live` over a websocket on this origin. The httpOnly session cookie authenticates the handshake;
 * a missing or expired session ends in `connect_error` "unauthorized", a server that cannot check it
 * in "unavailable" (LIVE_REFUSALS).
 */
export function openSocketIoChannel(handlers: LiveChannelHandlers): LiveChannel {
  const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(LIVE_NAMESPACE, {
    transports: ['websocket'],
    withCredentials: true,
    reconnection: true,
    reconnectionDelay: RECONNECT.delayMs,
    reconnectionDelayMax: RECONNECT.maxDelayMs,
    randomizationFactor: RECONNECT.randomization,
  });

  socket.on('connect', () => handlers.connected());
  socket.on('disconnect', (reason) => {
    // the server closing the socket itself is not retried by socket.io
    handlers.disconnected(socket.active && reason !== 'io server disconnect');
  });
  socket.on('connect_error', (error) => {
    if (socket.active) {
      handlers.disconnected(true); // transport failure: socket.io retries with back-off
    } else {
      handlers.refused(error.message);
    }
  });
  socket.io.on('reconnect_attempt', (attempt) => handlers.reconnecting(attempt));
  socket.on('snapshot', (drivers) => handlers.snapshot(drivers));
  socket.on('positions', (batch) => handlers.positions(batch));
  socket.on('driver', (change) => handlers.driver(change));
  socket.on('visits', (changes) => handlers.visits(changes));
  socket.on('revoked', ({ reason }) => handlers.revoked(reason));

  return {
    reconnect: () => {
      if (!socket.connected) {
        socket.disconnect();
        socket.connect();
      }
    },
    close: () => {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    },
  };
}
