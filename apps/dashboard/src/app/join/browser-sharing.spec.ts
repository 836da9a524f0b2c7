import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import type { TrackPointRequest } from '@convoy/contracts';
import { BrowserSharing, type SharingDeps } from './browser-sharing';

/** A controllable navigator.geolocation. */
class FakeGeolocation {
  success: PositionCallback | null = null;
  failure: PositionErrorCallback | null = null;
  cleared: number[] = [];
  watchPosition(success: PositionCallback, failure?: PositionErrorCallback | null): number {
    this.success = success;
    this.failure = failure ?? null;
    return 7;
  }
  clearWatch(id: number): void {
    this.cleared.push(id);
    this.success = null;
  }
  getCurrentPosition(): void {
    throw new Error('not used');
  }
  move(lat: number, lon: number, at: number): void {
    this.success?.({ timestamp: at, coords: { latitude: lat, longitude: lon, accuracy: 5, heading: null, speed: null, altitude: null } } as unknown as GeolocationPosition);
  }
  fail(code: number): void {
    this.failure?.({ code, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: '' } as GeolocationPositionError);
  }
}

interface Pending {
  points: readonly TrackPointRequest[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

function httpError(status: number, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({ status, headers: new HttpHeaders(headers) });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('BrowserSharing', () => {
  let geolocation: FakeGeolocation;
  let sends: Pending[];
  let stops: number;
  let timers: Array<{ fn: () => void; ms: number }>;
  let released: number;
  let deps: SharingDeps;
  let now: number;

  beforeEach(() => {
    geolocation = new FakeGeolocation();
    sends = [];
    stops = 0;
    timers = [];
    released = 0;
    now = Date.parse('2026-12-01T10:00:00Z');
    deps = {
      geolocation: geolocation as unknown as Geolocation,
      secureContext: true,
      send: (points) => new Promise<void>((resolve, reject) => sends.push({ points, resolve, reject })),
      stop: async () => {
        stops += 1;
      },
      wakeLock: { request: async () => ({ release: async () => void (released += 1) }) },
      battery: () => 81,
      now: () => now,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
    };
  });

  it('sends the first position at once, and those that come while it is on its way as one array', async () => {
    const sharing = new BrowserSharing(deps);
    sharing.start();
    expect(sharing.state()).toBe('sharing');

    geolocation.move(50.1, 14.1, now);
    expect(sends).toHaveLength(1);
    expect(sends[0].points).toEqual([expect.objectContaining({ lat: 50.1, lon: 14.1, battery: 81 })]);

    geolocation.move(50.2, 14.2, now + 1000);
    geolocation.move(50.3, 14.3, now + 2000);
    expect(sends).toHaveLength(1);
    expect(sharing.pending()).toBe(3);

    now += 500;
    sends[0].resolve();
    await settle();
    expect(sharing.lastSentAt()).toBe(now);
    expect(sends).toHaveLength(2);
    expect(sends[1].points.map((p) => p.lat)).toEqual([50.2, 50.3]);
  });

  it('keeps points that failed to send and resends them, in order, after a back-off', async () => {
    const sharing = new BrowserSharing(deps);
    sharing.start();
    geolocation.move(50.1, 14.1, now);
    sends[0].reject(httpError(0));
    await settle();
    expect(sharing.problem()).toBe('send-failed');
    expect(timers.map((t) => t.ms)).toEqual([1000]);

    geolocation.move(50.2, 14.2, now + 1000); // waits for the retry, not sent on its own
    expect(sends).toHaveLength(1);
    timers[0].fn();
    expect(sends[1].points.map((p) => p.lat)).toEqual([50.1, 50.2]);
    sends[1].resolve();
    await settle();
    expect(sharing.problem()).toBeNull();
    expect(sharing.pending()).toBe(0);
  });

  it("waits as long as the server's Retry-After says when it answers 429", async () => {
    const sharing = new BrowserSharing(deps);
    sharing.start();
    geolocation.move(50.1, 14.1, now);
    sends[0].reject(httpError(429, { 'Retry-After': '12' }));
    await settle();
    expect(timers.map((t) => t.ms)).toEqual([12_000]);
  });

  it('stops for good when the server refuses the key (a dispatcher disconnected the device)', async () => {
    const sharing = new BrowserSharing(deps);
    const states: string[] = [];
    sharing.onStateChange = (state) => states.push(state);
    sharing.start();
    geolocation.move(50.1, 14.1, now);
    sends[0].reject(httpError(401));
    await settle();
    expect(sharing.state()).toBe('revoked');
    expect(states).toEqual(['sharing', 'revoked']);
    expect(geolocation.cleared).toEqual([7]);
    expect(timers).toHaveLength(0);
    expect(released).toBe(1);
  });

  it('Stop sends what is queued, then tells the server, and lets the screen turn off', async () => {
    const sharing = new BrowserSharing(deps);
    sharing.start();
    await settle();
    expect(sharing.screenKeptOn()).toBe(true);
    geolocation.move(50.1, 14.1, now);
    sends[0].resolve();
    await settle();

    const stopped = sharing.stop();
    await stopped;
    expect(stops).toBe(1);
    expect(sharing.state()).toBe('ended');
    expect(sharing.endConfirmed()).toBe(true);
    expect(geolocation.cleared).toEqual([7]);
    expect(released).toBe(1);
    geolocation.move(50.9, 14.9, now); // the watch is gone: nothing more is sent
    expect(sends).toHaveLength(1);
  });

  it('says so when Stop could not reach the server, and can tell it again', async () => {
    let fail = true;
    deps.stop = async () => {
      stops += 1;
      if (fail) throw httpError(0);
    };
    const sharing = new BrowserSharing(deps);
    sharing.start();
    await sharing.stop();
    expect(sharing.state()).toBe('ended');
    expect(sharing.endConfirmed()).toBe(false);
    fail = false;
    await sharing.stop();
    expect(stops).toBe(2);
    expect(sharing.endConfirmed()).toBe(true);
  });

  it('reports a refused permission, and a missing fix without giving up', () => {
    const sharing = new BrowserSharing(deps);
    sharing.start();
    geolocation.fail(2);
    expect(sharing.state()).toBe('sharing');
    expect(sharing.problem()).toBe('unavailable');
    geolocation.fail(1);
    expect(sharing.state()).toBe('denied');
  });

  it('does not start without geolocation or outside a secure context', () => {
    expect(new BrowserSharing({ ...deps, geolocation: null }).start()).toBeUndefined();
    const none = new BrowserSharing({ ...deps, geolocation: null });
    none.start();
    expect(none.state()).toBe('unsupported');
    const insecure = new BrowserSharing({ ...deps, secureContext: false });
    insecure.start();
    expect(insecure.state()).toBe('insecure');
  });
});
