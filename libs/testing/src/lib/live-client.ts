import {
  LIVE_NAMESPACE,
  type DriverChange,
  type DriverDto,
  type LiveFeed,
  type LiveRevocationReason,
  type LiveServerToClientEvents,
  type PositionDto,
  type VisitChange,
} from '@convoy/contracts';
import { io, type Socket } from 'socket.io-client';

/** A dashboard's view of `/live`, recorded for assertions. */
export class LiveRecorder {
  readonly snapshots: DriverDto[][] = [];
  readonly batches: PositionDto[][] = [];
  readonly changes: DriverChange[] = [];
  /** Every `visits` event's changes, in arrival order. */
  readonly visits: VisitChange[] = [];
  /** `revoked` reasons the server sent before closing the socket. */
  readonly revocations: LiveRevocationReason[] = [];
  /** Why each connection so far ended ('transport close' when the server went away). */
  readonly disconnects: string[] = [];
  /** Times the socket connected (1 + successful reconnects). */
  connects = 0;

  constructor(readonly socket: Socket<LiveServerToClientEvents>) {
    socket.on('connect', () => (this.connects += 1));
    socket.on('disconnect', (reason) => this.disconnects.push(reason));
    socket.on('snapshot', (drivers) => this.snapshots.push(drivers));
    socket.on('positions', (batch) => this.batches.push(batch));
    socket.on('driver', (change) => this.changes.push(change));
    socket.on('revoked', ({ reason }) => this.revocations.push(reason));
    socket.on('visits', (changes) => this.visits.push(...changes));
  }

  get positions(): PositionDto[] {
    return this.batches.flat();
  }

  /** Polls `predicate` until it holds; the error lists what was received. */
  async waitFor(predicate: (recorder: LiveRecorder) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${what}; received ${this.snapshots.length} snapshots, ` +
            `${this.positions.length} positions, ${this.changes.length} driver changes, ${this.visits.length} visit changes`,
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.socket.close();
  }
}

export interface ConnectLiveOptions {
  timeoutMs?: number;
  /** Reconnect by itself when the connection drops, as the dashboard does (default: no). */
  reconnect?: boolean;
  /** Handshake headers, e.g. the `Origin` a browser page would send (none by default, like a program). */
  headers?: Record<string, string>;
  /** The feed asked for in the handshake (LIVE_FEEDS; none: the server's default, the whole fleet). */
  feed?: LiveFeed;
}

/** Connects like the dashboard does (websocket transport); rejects with the server's first connect_error. */
export function connectLive(baseUrl: string, token: string | null, options: ConnectLiveOptions = {}): Promise<LiveRecorder> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socket: Socket<LiveServerToClientEvents> = io(`${baseUrl}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    auth: { ...(token ? { token } : {}), ...(options.feed ? { feed: options.feed } : {}) },
    reconnection: options.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 1_000,
    timeout: timeoutMs,
    extraHeaders: options.headers,
  });
  const recorder = new LiveRecorder(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recorder));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}
