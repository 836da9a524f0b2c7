import { LIVE_NAMESPACE, type DriverChange, type DriverDto, type LiveServerToClientEvents, type PositionDto } from '@convoy/contracts';
import { io, type Socket } from 'socket.io-client';

/** A dashboard's view of `/live`, recorded for assertions. */
export class LiveRecorder {
  readonly snapshots: DriverDto[][] = [];
  readonly batches: PositionDto[][] = [];
  readonly changes: DriverChange[] = [];

  constructor(readonly socket: Socket<LiveServerToClientEvents>) {
    socket.on('snapshot', (drivers) => this.snapshots.push(drivers));
    socket.on('positions', (batch) => this.batches.push(batch));
    socket.on('driver', (change) => this.changes.push(change));
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
            `${this.positions.length} positions, ${this.changes.length} driver changes`,
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects like the dashboard does (websocket transport); rejects with the server's connect_error. */
export function connectLive(baseUrl: string, token: string | null, timeoutMs = 10_000): Promise<LiveRecorder> {
  const socket: Socket<LiveServerToClientEvents> = io(`${baseUrl}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    auth: token ? { token } : {},
    reconnection: false,
    timeout: timeoutMs,
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
